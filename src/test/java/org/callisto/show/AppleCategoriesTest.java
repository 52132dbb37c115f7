package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AppleCategoriesTest {

    @Test
    void everyAppleCategoryUsesAWordOfThePodcastIndexList() throws Exception {
        Path file = PodcastSchema.folder().resolve("categories.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the podcast-namespace corpus is not at " + file);
        Set<String> words = new HashSet<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile()).get("Categories")) {
            words.add(c.get("name").asText().toLowerCase(Locale.ROOT).replace('-', ' '));
        }
        List<String> names = new ArrayList<>(AppleCategories.TREE.keySet());
        AppleCategories.TREE.values().forEach(names::addAll);
        for (String name : names) {
            String normal = name.toLowerCase(Locale.ROOT).replace('-', ' ');
            boolean known = words.contains(normal)
                    || List.of(normal.split(" & | ")).stream().anyMatch(words::contains);
            assertThat(known).as(name + " in " + file).isTrue();
        }
        for (String parent : AppleCategories.TREE.keySet()) {
            if (!parent.contains("&")) {
                assertThat(words).as(parent).contains(parent.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void settingsRefuseCategoriesAppleDoesNotHave() {
        AppleCategories.check("Society & Culture/Documentary");
        AppleCategories.check("Technology");
        assertThatThrownBy(() -> AppleCategories.check("Computers"))
                .hasMessageStartingWith("\"Computers\" is not an Apple Podcasts category; use one of Arts, Business");
        assertThatThrownBy(() -> AppleCategories.check("News/Linux"))
                .hasMessageStartingWith("\"Linux\" is not a subcategory of News in Apple Podcasts; use one of");
        assertThatThrownBy(() -> AppleCategories.check("Technology/Podcasting"))
                .hasMessageEndingWith("use \"Technology\" alone");
    }
}
