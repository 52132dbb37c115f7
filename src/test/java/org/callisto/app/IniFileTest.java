package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IniFileTest {

    private static IniFile read(String text) throws Exception {
        return IniFile.read(new StringReader(text), "test.ini");
    }

    @Test
    void readsBothSeparatorsAndLowerCasesKeys() throws Exception {
        IniFile ini = read("[Planet]\nName = A planet\nLink: https://p.example.org/\nurl=http://x/a:b=c\n");
        assertThat(ini.get("Planet", "name")).contains("A planet");
        assertThat(ini.get("Planet", "LINK")).contains("https://p.example.org/");
        assertThat(ini.get("Planet", "url")).contains("http://x/a:b=c");
        assertThat(ini.problems()).isEmpty();
    }

    @Test
    void sectionNamesMayBeUrlsAndKeepTheirCase() throws Exception {
        IniFile ini = read("[https://Example.org/Feed?x=1]\nname = X\n");
        assertThat(ini.sections()).extracting(IniFile.Section::name).containsExactly("https://Example.org/Feed?x=1");
        assertThat(ini.get("https://Example.org/Feed?x=1", "name")).contains("X");
    }

    @Test
    void skipsCommentsAndStripsInlineComments() throws Exception {
        IniFile ini = read(
                "# a comment\n; another\n[s]\n  # indented comment\nname = Bob ; the author\nurl = http://x/#frag;y\n");
        assertThat(ini.get("s", "name")).contains("Bob");
        assertThat(ini.get("s", "url")).contains("http://x/#frag;y");
    }

    @Test
    void joinsContinuationLines() throws Exception {
        IniFile ini = read("[s]\nfilters = a.py\n  b.sed\n\tc.xslt\nnext = 1\n");
        assertThat(ini.get("s", "filters")).contains("a.py\nb.sed\nc.xslt");
        assertThat(ini.get("s", "next")).contains("1");
    }

    @Test
    void defaultSectionSuppliesValuesEverywhere() throws Exception {
        IniFile ini = read("[DEFAULT]\nfacewidth = 64\n[s]\nname = A\n[t]\nfacewidth = 32\n");
        assertThat(ini.get("s", "facewidth")).contains("64");
        assertThat(ini.get("t", "facewidth")).contains("32");
        assertThat(ini.get("s", "missing")).isEmpty();
    }

    @Test
    void reportsMalformedLinesWithTheirNumberAndReadsOn() throws Exception {
        IniFile ini = read("orphan = 1\n[s]\nno separator here\n[broken\nname = after\n[t]\nname = T\n");
        assertThat(ini.problems())
                .containsExactly(
                        "test.ini:1: 'orphan = 1' comes before any [section]; ignored",
                        "test.ini:3: 'no separator here' is neither a [section] nor a key = value line; ignored",
                        "test.ini:4: section header '[broken' has no closing ']'; write it as [name]",
                        "test.ini:5: 'name = after' comes before any [section]; ignored");
        assertThat(ini.get("t", "name")).contains("T");
    }

    @Test
    void aRepeatedSectionMergesAndLaterValuesWin() throws Exception {
        IniFile ini = read("\uFEFF[s]\nname = A\n[t]\n[s]\nname = B\ncategory = C\n");
        assertThat(ini.sections()).extracting(IniFile.Section::name).containsExactly("s", "t");
        assertThat(ini.get("s", "name")).contains("B");
        assertThat(ini.get("s", "category")).contains("C");
    }
}
