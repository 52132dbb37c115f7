package org.callisto.show;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Adds transcript files to episodes: the file must be in the media directory, its type comes from its name
 * ({@code .vtt} WebVTT, {@code .srt} SubRip, {@code .txt} plain text) and its content must agree (UTF-8; a WebVTT
 * file starts with {@code WEBVTT}, a SubRip file has a {@code -->} timing line), because podcast apps drop a
 * transcript they cannot read without saying why. Thread-safe if the stores are.
 */
public final class Transcripts {
    /** Larger transcripts are refused: a three-hour episode's WebVTT is about 300 KB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final EpisodeStore episodes;
    private final TranscriptStore store;
    private final Path mediaDir;

    /** @param mediaDir the directory the media files live in, served at {@code {site.url}media/} */
    public Transcripts(EpisodeStore episodes, TranscriptStore store, Path mediaDir) {
        this.episodes = episodes;
        this.store = store;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
    }

    /**
     * Makes {@code file} a transcript of episode {@code number}, replacing one at the same place.
     *
     * @param file     a file in the media directory, relative to it or absolute inside it
     * @param language its language tag ({@code en}, {@code pt-br}), or null for the show's language
     * @throws RenditionException naming the episode and the file when either is missing, the file is outside the
     *                            media directory, too large, not UTF-8, or not of the type its name says
     */
    public Transcript add(int number, Path file, String language) throws RenditionException {
        String what = "episode " + number + " transcript " + file;
        Episode episode = EpisodeFileChecks.episode(episodes, number, what);
        Path absolute = EpisodeFileChecks.inside(mediaDir, file, what);
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new RenditionException(what + ": language " + language + " is not a language tag; write en or pt-br");
        }
        String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        String mime = name.endsWith(".vtt")
                ? "text/vtt"
                : name.endsWith(".srt") ? "application/x-subrip" : name.endsWith(".txt") ? "text/plain" : null;
        if (mime == null) {
            throw new RenditionException(what + ": the name ends neither in .vtt, .srt nor .txt;"
                    + " give WebVTT, SubRip or plain text with the matching ending");
        }
        String text = read(what, absolute);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (mime.equals("text/vtt")
                && !(body.startsWith("WEBVTT")
                        && (body.length() == 6
                                || body.charAt(6) == ' '
                                || body.charAt(6) == '\t'
                                || body.charAt(6) == '\n'
                                || body.charAt(6) == '\r'))) {
            throw new RenditionException(what + ": a WebVTT file starts with the line WEBVTT; this one starts with \""
                    + firstLine(body) + "\"");
        }
        if (mime.equals("application/x-subrip") && !body.contains("-->")) {
            throw new RenditionException(what + ": a SubRip file has timing lines such as"
                    + " 00:00:01,000 --> 00:00:04,000; this one has none");
        }
        String location = EpisodeFileChecks.relative(mediaDir, absolute);
        Transcript transcript =
                new Transcript(location, mime, language == null ? null : language.toLowerCase(Locale.ROOT));
        store.saveTranscript(episode.id(), transcript);
        return transcript;
    }

    private static String read(String what, Path file) throws RenditionException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RenditionException(what + ": the file has " + size + " bytes, more than the " + MAX_BYTES
                        + " a transcript may have; split or shorten it");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RenditionException(what + ": the file is not UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new RenditionException(what + ": cannot read it: " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
