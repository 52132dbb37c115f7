package org.callisto.show;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.callisto.show.media.MediaException;
import org.callisto.show.media.MediaInfo;
import org.callisto.show.media.MediaInspector;
import org.callisto.show.media.Torrent;
import org.callisto.show.media.TorrentWriter;

/**
 * Adds media files to episodes: inspects each file with {@link MediaInspector} (its length, type and duration come
 * from its bytes, never from what an uploader says), writes its {@code .torrent} beside it with
 * {@link TorrentWriter} (web seed: the file's direct download, {@code {site.url}media/{path}}), and stores the
 * rendition. Thread-safe if the stores are; adding two files of the same kind to one episode at once keeps either.
 */
public final class Renditions {
    private final EpisodeStore episodes;
    private final RenditionStore store;
    private final Path mediaDir;
    private final ShowUrls urls;
    private final Clock clock;

    /**
     * @param mediaDir the directory the media files live in, served at {@code {site.url}media/}
     * @param siteUrl  the public base URL of the site
     * @param clock    the clock that dates the torrents
     */
    public Renditions(EpisodeStore episodes, RenditionStore store, Path mediaDir, URI siteUrl, Clock clock) {
        this.episodes = episodes;
        this.store = store;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.urls = new ShowUrls(siteUrl);
        this.clock = clock;
    }

    /**
     * Makes {@code file} the {@code kind} rendition of episode {@code number}, replacing one of the same kind.
     *
     * @param file a file in the media directory, as a path relative to it (or an absolute path inside it)
     * @throws RenditionException naming the episode and the file when the episode does not exist, the file is
     *                            missing, outside the media directory, corrupt or truncated, or not of the kind
     */
    public Rendition add(int number, RenditionKind kind, Path file) throws RenditionException {
        String what = "episode " + number + " " + kind.value() + " rendition " + file;
        Episode episode = EpisodeFileChecks.episode(episodes, number, what);
        Path absolute = EpisodeFileChecks.inside(mediaDir, file, what);
        MediaInfo info;
        try {
            info = MediaInspector.inspect(absolute);
        } catch (MediaException e) {
            throw new RenditionException(
                    what + ": the file is not usable media: " + e.getMessage() + "; export or upload it again", e);
        }
        if (!info.mimeType().equals(kind.mimeType())) {
            throw new RenditionException(what + ": the file is " + info.mimeType() + " but a " + kind.label()
                    + " rendition must be " + kind.mimeType() + "; add it as the right kind or pick another file");
        }
        String relative = EpisodeFileChecks.relative(mediaDir, absolute);
        Path torrentFile = absolute.resolveSibling(absolute.getFileName() + ".torrent");
        Torrent torrent;
        long torrentLength;
        try {
            torrent = TorrentWriter.write(absolute, URI.create(urls.media(relative)), clock.instant(), torrentFile);
            torrentLength = Files.size(torrentFile);
        } catch (MediaException e) {
            throw new RenditionException(what + ": cannot make its torrent: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RenditionException(what + ": cannot read back " + torrentFile + ": " + e.getMessage(), e);
        }
        Rendition rendition = new Rendition(
                kind,
                relative,
                info.mimeType(),
                info.length(),
                info.durationMillis(),
                EpisodeFileChecks.relative(mediaDir, torrentFile),
                torrentLength,
                torrent.infoHashHex());
        store.saveRendition(episode.id(), rendition);
        return rendition;
    }
}
