package org.callisto.show;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports a folder of existing show notes kept as Markdown: one folder per episode, each holding {@code notes.md}
 * (or {@code episode.md}) in the format of {@link ShowNotesParser}. Folders are read in name order. Importing again
 * updates each episode (found by its number) and replaces its notes and guests, so nothing is duplicated; its guid,
 * transcripts, chapters and renditions are kept. A malformed file is reported with {@code file:line} and the import
 * goes on with the next folder. Thread-safe if the store is.
 */
public final class MarkdownImport {
    /** The names an episode's notes file may have, in order of preference. */
    public static final List<String> NOTE_FILES = List.of("notes.md", "episode.md");

    private final EpisodeImportStore store;
    private final ShowNotesParser parser = new ShowNotesParser();

    public MarkdownImport(EpisodeImportStore store) {
        this.store = store;
    }

    /** What happened to one folder. */
    public enum Outcome {
        ADDED,
        UPDATED,
        FAILED
    }

    /**
     * The result of importing one folder.
     *
     * @param folder  the episode's folder
     * @param outcome added, updated or failed
     * @param number  the episode number, or -1 when it failed before knowing it
     * @param message for failures, {@code file:line: problem; fix}; otherwise the episode's title
     */
    public record Result(Path folder, Outcome outcome, int number, String message) {}

    /**
     * Imports every episode folder of {@code dir}.
     *
     * @throws IOException when {@code dir} itself cannot be listed
     */
    public List<Result> importAll(Path dir) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<Result> results = new ArrayList<>();
        Map<Integer, Path> seen = new HashMap<>();
        for (Path folder : folders) {
            results.add(importFolder(folder, seen));
        }
        return results;
    }

    private Result importFolder(Path folder, Map<Integer, Path> seen) {
        Path file = NOTE_FILES.stream()
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        if (file == null) {
            return new Result(
                    folder,
                    Outcome.FAILED,
                    -1,
                    folder + ": no " + String.join(" or ", NOTE_FILES) + "; put the episode's show notes in "
                            + folder.resolve(NOTE_FILES.getFirst()));
        }
        ParsedNotes notes;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            notes = parser.parse(file, folder.getFileName().toString(), text);
        } catch (CharacterCodingException e) {
            return new Result(folder, Outcome.FAILED, -1, file + ":1: not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            return new Result(folder, Outcome.FAILED, -1, file + ": cannot read: " + e.getMessage());
        } catch (ShowNotesException e) {
            return new Result(folder, Outcome.FAILED, -1, e.getMessage());
        }
        int number = notes.episode().number();
        Path other = seen.putIfAbsent(number, folder);
        if (other != null) {
            return new Result(
                    folder,
                    Outcome.FAILED,
                    number,
                    file + ":1: episode " + number + " is already imported from " + other
                            + "; give one of them another number");
        }
        EpisodeImportStore.Saved saved = store.importEpisode(notes);
        return new Result(
                folder,
                saved.created() ? Outcome.ADDED : Outcome.UPDATED,
                number,
                saved.episode().title());
    }
}
