package org.callisto.show;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports a show's archive of notes kept as Markdown, one folder per episode, as its hosts keep it: each folder
 * holds {@code notes.md} or {@code episode.md} in the format of {@link ShowNotesParser}, or any other {@code .md}
 * file whose name holds the episode's number (BSD Now's {@code 349/BSD Now Show Notes Ep 349 (2020-05-06).md}),
 * read by {@link TemplateNotesParser}; listener feedback files beside them ({@code 349/feedback/*}, and other files
 * in the folder) go into the feedback queue as answered in that episode, and links to them in the notes resolve to
 * the imported messages. When {@code DIR} holds an {@code episodes} folder and no episode folders, that folder is
 * read.
 *
 * <p>One bad line never loses an episode: what a template file says wrongly is mended or dropped and reported as
 * {@link ImportProblem}s with {@code file:line:column}; in strict mode an episode with problems is refused instead
 * (nothing of it is written). Importing again changes nothing when nothing changed, and updates what did; episodes
 * are found by number (their guid, transcripts, chapters and renditions are kept) and feedback by its path.
 *
 * <p>Thread-safe if the stores are: it keeps no state between calls.
 */
public final class MarkdownImport {
    /** The names an episode's notes file may have, in order of preference. */
    public static final List<String> NOTE_FILES = List.of("notes.md", "episode.md");

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern FRONT_MATTER =
            Pattern.compile("^(?:---|(?:number|title|date|season|type|explicit|summary|guests|guid|slug):.*)$");
    private static final Pattern EPISODE_PATH = Pattern.compile("/episodes/(\\d+)/(.+)$");
    private static final int DAYS_BETWEEN_EPISODES = 7;

    private final EpisodeImportStore store;
    private final FeedbackStore feedback;
    private final Clock clock;
    private final ShowNotesParser parser = new ShowNotesParser();
    private final TemplateNotesParser templates = new TemplateNotesParser();

    /** An import of notes only, without feedback files. */
    public MarkdownImport(EpisodeImportStore store) {
        this(store, null, Clock.systemUTC());
    }

    /**
     * @param feedback where feedback files go, or null to leave them
     * @param clock    the time imported feedback is stamped with
     */
    public MarkdownImport(EpisodeImportStore store, FeedbackStore feedback, Clock clock) {
        this.store = store;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** What happened to one folder. */
    public enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        /** no notes file, but its feedback files were imported */
        FEEDBACK_ONLY,
        /** strict mode: the notes have problems, nothing of the episode was written */
        REFUSED,
        FAILED
    }

    /**
     * The result of importing one folder.
     *
     * @param folder   the episode's folder
     * @param outcome  what happened
     * @param number   the episode number, or -1 when it failed before knowing it
     * @param message  for failures, {@code file:line: problem; fix}; otherwise the episode's title
     * @param problems what was mended or dropped (or, when refused, what to fix)
     * @param feedback the feedback files: how many were added, updated and unchanged
     */
    public record Result(
            Path folder, Outcome outcome, int number, String message, List<ImportProblem> problems, Counts feedback) {

        public Result {
            problems = List.copyOf(problems);
        }

        Result(Path folder, Outcome outcome, int number, String message) {
            this(folder, outcome, number, message, List.of(), new Counts(0, 0, 0));
        }
    }

    /** Numbers of feedback files added, updated and left unchanged. */
    public record Counts(int added, int updated, int unchanged) {
        public int total() {
            return added + updated + unchanged;
        }
    }

    /** Imports every episode folder of {@code dir}, leniently. */
    public List<Result> importAll(Path dir) throws IOException {
        return importAll(dir, false);
    }

    /**
     * Imports every episode folder of {@code dir}.
     *
     * @param strict refuse an episode whose notes have any problem instead of mending it
     * @throws IOException when {@code dir} itself cannot be listed
     */
    public List<Result> importAll(Path dir, boolean strict) throws IOException {
        Path root = dir;
        if (folders(dir).stream().noneMatch(f -> number(f) >= 0) && Files.isDirectory(dir.resolve("episodes"))) {
            root = dir.resolve("episodes");
        }
        List<Path> folders = folders(root);
        Map<Path, FeedbackFiles.Imported> imported = new HashMap<>();
        FeedbackIndex index = new FeedbackIndex();
        for (Path folder : folders) {
            int number = number(folder);
            if (feedback != null && number >= 0) {
                FeedbackFiles.Imported f = FeedbackFiles.importFolder(
                        root, folder, number, noteFile(folder, number), feedback, clock.instant());
                imported.put(folder, f);
                f.ids().forEach((key, id) -> index.add(key, id));
            }
        }
        List<Pending> pending = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Map<Integer, Path> seen = new HashMap<>();
        for (Path folder : folders) {
            FeedbackFiles.Imported f = imported.getOrDefault(folder, FeedbackFiles.Imported.NONE);
            Result r = readFolder(folder, seen, index, strict, f, pending);
            if (r != null) {
                results.add(r);
            }
        }
        datePending(pending);
        for (Pending p : pending) {
            ParsedNotes notes = p.notes();
            EpisodeImportStore.Change change = store.importIfChanged(notes, p.tags());
            Outcome outcome = switch (change) {
                case ADDED -> Outcome.ADDED;
                case UPDATED -> Outcome.UPDATED;
                case UNCHANGED -> Outcome.UNCHANGED;
            };
            results.add(new Result(
                    p.folder(),
                    outcome,
                    notes.episode().number(),
                    notes.episode().title(),
                    p.problems(),
                    p.feedback()));
        }
        results.sort(Comparator.comparing(Result::folder, MarkdownImport::byNumber));
        return results;
    }

    /** An episode read and waiting for its date to be settled and to be saved. */
    private record Pending(
            Path folder,
            ParsedNotes notes,
            List<String> tags,
            LocalDate date,
            java.time.YearMonth month,
            Path file,
            List<ImportProblem> problems,
            Counts feedback) {}

    private Result readFolder(
            Path folder,
            Map<Integer, Path> seen,
            FeedbackIndex index,
            boolean strict,
            FeedbackFiles.Imported fb,
            List<Pending> pending) {
        int folderNumber = number(folder);
        Path file = noteFile(folder, folderNumber);
        if (file == null) {
            if (fb.counts().total() > 0 || !fb.problems().isEmpty()) {
                return new Result(
                        folder, Outcome.FEEDBACK_ONLY, folderNumber, "no show notes", fb.problems(), fb.counts());
            }
            return new Result(
                    folder,
                    Outcome.FAILED,
                    -1,
                    folder + ": no " + String.join(" or ", NOTE_FILES) + " and no .md file named with the episode's"
                            + " number; put the episode's show notes in " + folder.resolve(NOTE_FILES.getFirst()));
        }
        String text;
        List<ImportProblem> problems = new ArrayList<>(fb.problems());
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.UTF_8);
                problems.add(new ImportProblem(
                        file, 1, 1, "bytes that are not UTF-8", "read them as U+FFFD; save the file as UTF-8"));
            }
        } catch (IOException e) {
            return new Result(folder, Outcome.FAILED, -1, file + ": cannot read: " + e.getMessage());
        }
        if (frontMatter(text)) {
            return frontMatterFolder(folder, file, text, seen);
        }
        TemplateNotesParser.Result r = templates.parse(file, text, index::find);
        problems.addAll(r.problems());
        int number = folderNumber;
        if (number < 0) {
            Matcher m = Pattern.compile("(?i)\\bep(?:isode)?\\.?\\s*(\\d+)")
                    .matcher(file.getFileName().toString());
            if (!m.find()) {
                return new Result(
                        folder,
                        Outcome.FAILED,
                        -1,
                        file + ":1: no episode number; name the folder after it (349/) or the file (Ep 349)");
            }
            number = Integer.parseInt(m.group(1));
        }
        Path other = seen.putIfAbsent(number, folder);
        if (other != null) {
            return new Result(
                    folder,
                    Outcome.FAILED,
                    number,
                    file + ":1: episode " + number + " is already imported from " + other
                            + "; give one of them another number");
        }
        String title = r.title();
        if (title == null || title.isBlank()) {
            title = r.sections().stream()
                    .flatMap(s -> s.items().stream())
                    .map(NoteItem::title)
                    .findFirst()
                    .orElse("Episode " + number);
            problems.add(new ImportProblem(
                    file,
                    1,
                    1,
                    "no title (the preamble's Title: is empty)",
                    "titled it \"" + title + "\" after its first item; give a Title: to name it"));
        }
        if (strict && !problems.isEmpty()) {
            return new Result(
                    folder,
                    Outcome.REFUSED,
                    number,
                    file + ": " + problems.size() + " problems; fix them or import without --strict",
                    problems,
                    fb.counts());
        }
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        EpisodeDraft draft = new EpisodeDraft(
                number,
                null,
                title,
                slug.isEmpty() ? "episode-" + number : slug,
                Instant.EPOCH,
                r.summary(),
                EpisodeType.FULL,
                false,
                null);
        pending.add(new Pending(
                folder,
                new ParsedNotes(draft, r.sections(), List.of()),
                r.tags(),
                r.date(),
                r.month(),
                file,
                problems,
                fb.counts()));
        return null;
    }

    /**
     * Settles each pending episode's release date: its own, else estimated from the nearest dated episode of the
     * import at one episode a week (kept within the month a {@code 2020-05-xx} date names), else the first of that
     * month, else the file's modification day; every estimate is reported.
     */
    private static void datePending(List<Pending> pending) {
        TreeMap<Integer, LocalDate> dated = new TreeMap<>();
        for (Pending p : pending) {
            if (p.date() != null) {
                dated.put(p.notes().episode().number(), p.date());
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            int number = p.notes().episode().number();
            LocalDate date = p.date();
            if (date == null) {
                Map.Entry<Integer, LocalDate> below = dated.floorEntry(number);
                Map.Entry<Integer, LocalDate> above = dated.ceilingEntry(number);
                Map.Entry<Integer, LocalDate> near = below == null
                        ? above
                        : above == null || number - below.getKey() <= above.getKey() - number ? below : above;
                String how;
                if (near != null) {
                    date = near.getValue().plusDays((long) (number - near.getKey()) * DAYS_BETWEEN_EPISODES);
                    how = "estimated " + date + " from episode " + near.getKey() + " at one episode a week";
                    if (p.month() != null && !java.time.YearMonth.from(date).equals(p.month())) {
                        date = date.isBefore(p.month().atDay(1))
                                ? p.month().atDay(1)
                                : p.month().atEndOfMonth();
                        how = "estimated " + date + " (within " + p.month() + ") from episode " + near.getKey();
                    }
                } else if (p.month() != null) {
                    date = p.month().atDay(1);
                    how = "took the first of " + p.month();
                } else {
                    date = modified(p.file());
                    how = "took the file's modification day " + date;
                }
                List<ImportProblem> problems = new ArrayList<>(p.problems());
                problems.add(new ImportProblem(
                        p.file(),
                        1,
                        1,
                        "no release date in the preamble or the file's name",
                        how + "; give a Date: to set it"));
                p = new Pending(p.folder(), p.notes(), p.tags(), date, p.month(), p.file(), problems, p.feedback());
            }
            EpisodeDraft d = p.notes().episode();
            EpisodeDraft withDate = new EpisodeDraft(
                    d.number(),
                    d.season(),
                    d.title(),
                    d.slug(),
                    date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    d.summary(),
                    d.type(),
                    d.explicit(),
                    d.guid());
            pending.set(
                    i,
                    new Pending(
                            p.folder(),
                            new ParsedNotes(
                                    withDate, p.notes().sections(), p.notes().guests()),
                            p.tags(),
                            date,
                            p.month(),
                            p.file(),
                            p.problems(),
                            p.feedback()));
        }
    }

    private static LocalDate modified(Path file) {
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
        } catch (IOException e) {
            return LocalDate.of(1970, 1, 1);
        }
    }

    private Result frontMatterFolder(Path folder, Path file, String text, Map<Integer, Path> seen) {
        ParsedNotes notes;
        try {
            notes = parser.parse(file, folder.getFileName().toString(), text);
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
        EpisodeImportStore.Change change = store.importIfChanged(notes, List.of());
        Outcome outcome = switch (change) {
            case ADDED -> Outcome.ADDED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
        return new Result(folder, outcome, number, notes.episode().title());
    }

    /** Whether {@code text} starts with {@link ShowNotesParser}'s front matter. */
    private static boolean frontMatter(String text) {
        for (String line : text.replace("\uFEFF", "").split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                return FRONT_MATTER.matcher(line.strip()).matches();
            }
        }
        return false;
    }

    /**
     * The notes file of a folder: {@code notes.md} or {@code episode.md}, else the {@code .md} file whose name
     * holds the episode's number (preferring one that says "notes"), or null.
     */
    static Path noteFile(Path folder, int number) {
        for (String name : NOTE_FILES) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return folder.resolve(name);
            }
        }
        if (number < 0) {
            return null;
        }
        Pattern holds = Pattern.compile("(?<!\\d)0*" + number + "(?!\\d)");
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.toLowerCase(Locale.ROOT).endsWith(".md")
                                && holds.matcher(n).find();
                    })
                    .min(Comparator.comparing((Path p) -> !p.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .contains("notes"))
                            .thenComparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(MarkdownImport::byNumber)
                    .toList();
        }
    }

    /** Folders by their leading number, then by name. */
    private static int byNumber(Path a, Path b) {
        int na = number(a);
        int nb = number(b);
        if (na >= 0 && nb >= 0 && na != nb) {
            return Integer.compare(na, nb);
        }
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    }

    /** The number a folder's name starts with, or -1. */
    static int number(Path folder) {
        Matcher m = LEADING_NUMBER.matcher(folder.getFileName().toString());
        if (!m.find() || m.group(1).length() > 9) {
            return -1;
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Imported feedback by the path of its file in the archive, to resolve links such as
     * {@code https://github.com/BSDNow/bsdnow.tv/blob/master/episodes/350/feedback/Greg%20-%20Lenovos.md}: by the
     * exact path, else ignoring case, else by episode and file name without extension (files moved between
     * {@code feedback/} and the episode's folder). Confined to one import.
     */
    private static final class FeedbackIndex {
        private final Map<String, Long> exact = new HashMap<>();
        private final Map<String, Long> folded = new HashMap<>();
        private final Map<String, Long> byName = new HashMap<>();

        void add(String key, long id) {
            exact.put(key, id);
            folded.put(key.toLowerCase(Locale.ROOT), id);
            byName.put(nameKey(key), id);
        }

        Optional<Long> find(String url) {
            if (exact.isEmpty()) {
                return Optional.empty();
            }
            String path;
            try {
                path = URI.create(url).getRawPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            Matcher m = EPISODE_PATH.matcher(path);
            if (!m.find()) {
                return Optional.empty();
            }
            String key = Integer.parseInt(m.group(1)) + "/"
                    + URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            Long id = exact.get(key);
            if (id == null) {
                id = folded.get(key.toLowerCase(Locale.ROOT));
            }
            if (id == null) {
                id = byName.get(nameKey(key));
            }
            return Optional.ofNullable(id);
        }

        private static String nameKey(String key) {
            String episode = key.substring(0, key.indexOf('/'));
            String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            return episode + "/" + name.replaceFirst("\\.(md|markdown|txt)$", "");
        }
    }
}
