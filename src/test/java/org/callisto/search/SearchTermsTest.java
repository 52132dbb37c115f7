package org.callisto.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SearchTerms}: what a person types becomes a query made of quoted words only. */
class SearchTermsTest {
    @Test
    void wordsPhrasesExclusionsAndAlternativesBecomeQuotedFts5AndWebsearchQueries() {
        SearchTerms t = SearchTerms.parse("ZFS \"boot environments\" -windows OR bhyve");
        assertThat(t.fts5()).isEqualTo("((\"zfs\" AND \"boot environments\") OR \"bhyve\") NOT \"windows\"");
        assertThat(t.websearch()).isEqualTo("zfs \"boot environments\" or bhyve -windows");
    }

    @Test
    void operatorsAndPunctuationOfEitherDatabaseAreOnlySeparators() {
        assertThat(SearchTerms.parse("NEAR(a b) col:c d* ^e 'f' g;--").fts5())
                .isEqualTo(
                        "(\"near\" AND \"a\" AND \"b\" AND \"col\" AND \"c\" AND \"d\" AND \"e\" AND \"f\" AND \"g\")");
        assertThat(SearchTerms.parse("this or that").websearch()).isEqualTo("this \"or\" that");
    }

    @Test
    void aVeryLongQueryIsCutAtThirtyTwoWordsAndSaysSo() {
        SearchTerms t = SearchTerms.parse("word ".repeat(40));
        assertThat(t.dropped()).isEqualTo(8);
        assertThat(SearchTerms.parse("a".repeat(10_000)).fts5()).hasSize(SearchTerms.MAX_WORD_LENGTH + 2);
    }
}
