package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionFieldsTest {

    @Test
    void categoriesAreCommaSeparatedTrimmedAndKeptOncePerSlug() {
        assertThat(SubscriptionFields.categories(" FreeBSD, Linux ,, freebsd ,Café"))
                .containsExactly("FreeBSD", "Linux", "Café");
        assertThat(SubscriptionFields.categories("")).isEmpty();
        assertThat(SubscriptionFields.categories(null)).isEmpty();
        assertThat(SubscriptionFields.categories("'; DROP TABLE categories; --"))
                .containsExactly("'; DROP TABLE categories; --");
    }

    @Test
    void hostileCategoriesAreRefusedNamingThem() {
        assertThatThrownBy(() -> SubscriptionFields.categories("ok, ---"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the category '---' has no letter or digit; give it a name such as FreeBSD");
        assertThatThrownBy(() -> SubscriptionFields.categories("a\nb")).hasMessageContaining("'a?b'");
        assertThatThrownBy(() -> SubscriptionFields.categories("x".repeat(65))).hasMessageContaining("65 characters");
        assertThatThrownBy(() -> SubscriptionFields.categories(String.join(
                        ",",
                        java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "c" + i)
                                .toList())))
                .hasMessageContaining("21 categories");
    }

    @Test
    void namesAreOneLineAndNotTooLong() {
        assertThat(SubscriptionFields.name("  Alice  ")).isEqualTo("Alice");
        assertThat(SubscriptionFields.name(" ")).isNull();
        assertThatThrownBy(() -> SubscriptionFields.name("a\u0000b")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> SubscriptionFields.name("n".repeat(201))).hasMessageContaining("201 characters");
    }
}
