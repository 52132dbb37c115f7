package org.callisto.show;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the listener feedback files of one episode's folder in a show's archive and imports them: every file in
 * its {@code feedback} folder (any case, with or without an extension) and every other file directly in the episode's
 * folder except its notes. The sender and subject come from the file's name ({@code Greg - Lenovos.md}: from Greg,
 * subject "Lenovos"; a name without " - " is all subject), the message is the file's text as plain text. A file
 * that is not text (it holds NUL bytes) is skipped and reported. Stateless and thread-safe.
 */
final class FeedbackFiles {
    /** Longest subject kept; longer names are cut with an ellipsis. */
    private static final int MAX_SUBJECT = ListenerFeedback.MAX_SUBJECT;

    private FeedbackFiles() {}

    /**
     * What importing one folder's feedback did.
     *
     * @param ids      each imported message's id by its key ({@code 350/feedback/Greg - Lenovos.md})
     * @param counts   added, updated, unchanged
     * @param problems files skipped or read with replacement characters
     */
    record Imported(Map<String, Long> ids, MarkdownImport.Counts counts, List<ImportProblem> problems) {
        static final Imported NONE = new Imported(Map.of(), new MarkdownImport.Counts(0, 0, 0), List.of());
    }

    static Imported importFolder(Path root, Path folder, int episode, Path notes, FeedbackStore store, Instant at) {
        List<Path> files = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p) && name.toLowerCase(Locale.ROOT).equals("feedback")) {
                    try (Stream<Path> inner = Files.list(p)) {
                        inner.filter(Files::isRegularFile)
                                .filter(f -> !f.getFileName().toString().startsWith("."))
                                .sorted()
                                .forEach(files::add);
                    }
                } else if (Files.isRegularFile(p) && !p.equals(notes)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(new ImportProblem(
                    folder, 0, 0, "cannot list the folder: " + e.getMessage(), "skipped its feedback"));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Path f : files) {
            ArchivedFeedback message = read(root, f, episode, problems);
            if (message == null) {
                continue;
            }
            FeedbackStore.ImportedFeedback r = store.importArchived(message, at);
            ids.put(message.key(), r.id());
            switch (r.outcome()) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new Imported(ids, new MarkdownImport.Counts(added, updated, unchanged), problems);
    }

    private static ArchivedFeedback read(Path root, Path file, int episode, List<ImportProblem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new ImportProblem(file, 0, 0, "cannot read it: " + e.getMessage(), "skipped it"));
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                problems.add(new ImportProblem(file, 0, 0, "not a text file (it holds NUL bytes)", "skipped it"));
                return null;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            problems.add(new ImportProblem(file, 1, 1, "bytes that are not UTF-8", "read them as U+FFFD"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String message = ListenerFeedback.clean(text.replace("\r\n", "\n").replace('\r', '\n'))
                .strip();
        String base = file.getFileName()
                .toString()
                .replaceFirst("(?i)\\.(md|markdown|txt)$", "")
                .strip();
        String name = null;
        String subject = base;
        int dash = base.indexOf(" - ");
        if (dash > 0) {
            name = base.substring(0, dash).strip();
            subject = base.substring(dash + 3).strip();
        }
        if (subject.isEmpty()) {
            subject = base.isEmpty() ? file.getFileName().toString() : base;
        }
        if (!subject.contains(" ")) {
            subject = subject.replace('-', ' ').replace('_', ' ').strip();
        }
        subject = ListenerFeedback.clean(subject).replaceAll("\\s+", " ");
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
        String key = root.relativize(file).toString().replace('\\', '/');
        return new ArchivedFeedback(key, name == null || name.isEmpty() ? null : name, subject, message, episode);
    }
}
