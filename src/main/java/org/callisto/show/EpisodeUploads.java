package org.callisto.show;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Files uploaded for an episode from the browser: a rendition (MP3, HD or SD video), a transcript, chapters (JSON,
 * or Podlove Simple Chapters converted to JSON), the episode's artwork or its video poster. Each upload is streamed
 * into a hidden file of the media directory ({@code .uploads/}, never served) and cut off past the configured size;
 * then it is moved to {@code episodes/NUMBER/NAME} (a free name: a stored file is never overwritten) and checked by
 * the same code as the {@code show media}, {@code show transcript} and {@code show chapters} commands
 * ({@link Renditions}, {@link Transcripts}, {@link Chapters}), which inspect duration and bitrate and make the
 * torrent. A refused file is deleted; nothing stored before is lost.
 *
 * <p>Thread-safe: each upload writes files of its own, and the stores are thread-safe.
 */
public final class EpisodeUploads {
    /** What an upload is for, as the form names it. */
    public enum Kind {
        MP3("MP3 audio"),
        HD("HD video"),
        SD("SD video"),
        TRANSCRIPT("transcript"),
        CHAPTERS("chapters"),
        ARTWORK("episode artwork"),
        POSTER("video poster");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Words for messages: "MP3 audio", "transcript". */
        public String label() {
            return label;
        }

        /** The kind a form field names ({@code mp3}, {@code transcript}...), or null. */
        public static Kind of(String value) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    /** What an accepted upload became, in words for the editor ("MP3 audio ep7.mp3: 1:02:03, 128 kbit/s"). */
    public record Outcome(String message) {}

    private final EpisodeStore episodes;
    private final Renditions renditions;
    private final Transcripts transcripts;
    private final EpisodePublishingStore extras;
    private final Path mediaDir;
    private final long maxBytes;

    /**
     * @param mediaDir the media directory, served at {@code {site.url}media/}
     * @param maxBytes the largest file accepted ({@code show.upload_max_size})
     */
    public EpisodeUploads(
            EpisodeStore episodes,
            Renditions renditions,
            Transcripts transcripts,
            EpisodePublishingStore extras,
            Path mediaDir,
            long maxBytes) {
        this.episodes = episodes;
        this.renditions = renditions;
        this.transcripts = transcripts;
        this.extras = extras;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Where uploads are written while they arrive: a hidden directory of the media directory, never served. */
    public Path spoolDir() {
        return mediaDir.resolve(".uploads");
    }

    /**
     * Receives one file for episode {@code number}.
     *
     * @param fileName the name the browser sent (only its letters, digits, dots, dashes and underscores are kept)
     * @param language a transcript's language tag, or null or blank for the show's
     * @throws RenditionException naming the file when it is too large, empty, of the wrong type or content; nothing
     *                            is stored then
     */
    public Outcome receive(int number, Kind kind, String fileName, InputStream in, String language)
            throws RenditionException {
        String name = safeName(fileName, kind);
        String what = "episode " + number + " " + kind.label() + " " + name;
        Episode episode = EpisodeFileChecks.episode(episodes, number, what);
        if (kind == Kind.CHAPTERS) {
            String text = text(what, in, Chapters.MAX_CHARS * 4L);
            try {
                String json = PodloveChapters.looksLikeXml(text) ? PodloveChapters.toJson(what, text) : text;
                episodes.setChapters(episode.id(), Chapters.check(what, json));
            } catch (IllegalArgumentException e) {
                throw new RenditionException(e.getMessage());
            }
            return new Outcome("Chapters " + name + " saved.");
        }
        Path file = spool(what, in);
        Path target = null;
        try {
            target = place(number, name);
            move(file, target, what);
            Path relative = mediaDir.relativize(target);
            return switch (kind) {
                case MP3, HD, SD -> {
                    Rendition r = renditions.add(number, RenditionKind.of(kind.name()), relative);
                    long seconds = r.durationSeconds();
                    long kbits = seconds == 0 ? 0 : Math.round(r.length() * 8.0 / seconds / 1000);
                    yield new Outcome(kind.label() + " " + name + " added: " + duration(seconds) + ", " + kbits
                            + " kbit/s, " + r.length() + " bytes; its torrent is " + r.torrentPath() + ".");
                }
                case TRANSCRIPT -> {
                    transcripts.add(number, relative, language == null || language.isBlank() ? null : language.strip());
                    yield new Outcome("Transcript " + name + " added.");
                }
                case ARTWORK -> {
                    Artwork.Image image = Artwork.checkPodcastArtwork(target, what);
                    extras.setArtwork(episode.id(), EpisodeFileChecks.relative(mediaDir, target));
                    yield new Outcome(
                            "Episode artwork " + name + " (" + image.width() + "×" + image.height() + ") saved.");
                }
                case POSTER -> {
                    Artwork.read(target, what);
                    extras.setPoster(episode.id(), EpisodeFileChecks.relative(mediaDir, target));
                    yield new Outcome("Video poster " + name + " saved.");
                }
                case CHAPTERS -> throw new IllegalStateException("chapters are handled above");
            };
        } catch (RenditionException | RuntimeException e) {
            deleteQuietly(target == null ? file : target);
            throw e;
        } finally {
            deleteQuietly(file);
        }
    }

    private Path spool(String what, InputStream in) throws RenditionException {
        Path file;
        try {
            Files.createDirectories(spoolDir());
            file = Files.createTempFile(spoolDir(), "upload-", ".part");
        } catch (IOException e) {
            throw new RenditionException(what + ": cannot write into the media directory " + mediaDir + ": "
                    + e.getMessage() + "; check its permissions and free space");
        }
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                copied += n;
                if (copied > maxBytes) {
                    throw new RenditionException(tooLarge(what));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new RenditionException(what + ": the upload broke off (" + e.getMessage() + "); send it again");
        } catch (RenditionException e) {
            deleteQuietly(file);
            throw e;
        }
        if (copied == 0) {
            deleteQuietly(file);
            throw new RenditionException(what + ": the file is empty; choose the file again");
        }
        return file;
    }

    /** Words for a file past the limit. */
    public String tooLarge(String what) {
        return what + ": the file is larger than the " + maxBytes + " bytes (" + human(maxBytes)
                + ") an upload may have (show.upload_max_size); make it smaller or raise the limit";
    }

    /** Moves the spooled file to a free name in the episode's folder. */
    private Path place(int number, String name) throws RenditionException {
        try {
            Path dir = mediaDir.resolve("episodes").resolve(Integer.toString(number));
            Files.createDirectories(dir);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            Path target = dir.resolve(name);
            for (int i = 2; Files.exists(target) || Files.exists(dir.resolve(target.getFileName() + ".torrent")); i++) {
                target = dir.resolve(stem + "-" + i + ext);
            }
            return target;
        } catch (IOException e) {
            throw new RenditionException("episode " + number + " " + name + ": cannot make its folder in " + mediaDir
                    + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to, String what) throws RenditionException {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw new RenditionException(what + ": cannot move the upload to " + to + ": " + e.getMessage());
        }
    }

    private static String text(String what, InputStream in, long max) throws RenditionException {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (bytes.length > max) {
                throw new RenditionException(what + ": the file is larger than " + max + " bytes; shorten it");
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RenditionException(what + ": the file is not UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new RenditionException(what + ": the upload broke off (" + e.getMessage() + "); send it again");
        }
    }

    /**
     * A file name safe in any file system and URL: letters, digits, dots, dashes and underscores of the browser's
     * name (others become dashes), not hidden, at most 100 characters; a name by kind when nothing is left.
     */
    static String safeName(String fileName, Kind kind) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String s = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        if (s.length() > 100) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, 100 - ext.length()) + ext;
        }
        return s.isEmpty() ? kind.name().toLowerCase(Locale.ROOT) : s;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".torrent"));
        } catch (IOException e) {
            // a stray file in the media directory is harmless and is overwritten by no one
        }
    }

    private static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
