/**
 * The show's media foundation: knowing what an episode's files are, sharing them as torrents, and counting their
 * downloads. No database, no HTTP and no pages here; the show's stores build on these classes, and the web layer
 * serves the files ({@code org.callisto.web.MediaResponses}, with the range rules of
 * {@code org.callisto.web.RangeRequest}).
 *
 * <ul>
 * <li>{@link org.callisto.show.media.MediaInspector} reads a file's kind, length and duration from its content:
 *     {@link org.callisto.show.media.Mp3Info} walks MPEG audio frames (ID3v2/ID3v1/APEv2 tags skipped, Xing/Info
 *     and VBRI headers for VBR, or a frame-by-frame scan), {@link org.callisto.show.media.Mp4Info} walks ISO base
 *     media boxes to {@code moov/mvhd} with seeks, never reading the media data. Bad files raise
 *     {@link org.callisto.show.media.MediaException} naming the file and what is wrong.</li>
 * <li>{@link org.callisto.show.media.TorrentWriter} makes one single-file torrent per rendition, with our direct
 *     download URL as web seed, using {@link org.callisto.show.media.Bencode}.</li>
 * <li>{@link org.callisto.show.media.DownloadCounter} follows each listener's byte ranges in memory and notices when
 *     a minute of audio ({@link org.callisto.show.media.AudioSpan}) has been delivered, the IAB way; listeners are
 *     keyed hashes ({@link org.callisto.show.media.ListenerHash}), bots and apps come from user-agent lists
 *     ({@link org.callisto.show.media.UserAgentRules}); {@code org.callisto.show.DownloadFlusher} stores the
 *     downloads, dropping repeats within 24 hours in the database.</li>
 * </ul>
 *
 * <p>See {@code docs/show-media.md} for the choices and their reasons.
 */
package org.callisto.show.media;
