package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callisto html sanitize} flattens nesting bombs: what comes out is small, whatever the depth going in. */
class HtmlSanitizeBombTest {
    @TempDir
    Path dir;

    @Test
    void halfAMillionNestedBoldItalicComeOutSmall() throws Exception {
        Path bomb = dir.resolve("bomb.html");
        Files.writeString(bomb, "<b><i>".repeat(500_000) + "still here", StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("html", "sanitize", bomb.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("still here");
        assertThat(r.out().length()).isLessThan(1_000);
    }

    @Test
    void aMillionNestedDivsComeOutSmall() throws Exception {
        Path bomb = dir.resolve("divs.html");
        Files.writeString(bomb, "<div>".repeat(1_000_000) + "bottom", StandardCharsets.UTF_8);
        // 5 MB: above the command's 4 MiB default, which guards a 512 MB heap, so the flag raises it
        Cli.Run r = Cli.run("html", "sanitize", "--policy", "aggregated", "--max-size", "8MiB", bomb.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bottom");
        assertThat(r.out().length()).isLessThan(1_000);
    }
}
