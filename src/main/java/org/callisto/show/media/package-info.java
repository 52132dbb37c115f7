/**
 * The show's media foundation: knowing what an episode's files are, serving them, and sharing them as torrents.
 * No database and no pages here; the show's store and routes build on these classes.
 *
 * <ul>
 * <li>{@link org.callisto.show.media.MediaInspector} reads a file's kind, length and duration from its content:
 *     {@link org.callisto.show.media.Mp3Info} walks MPEG audio frames (ID3v2/ID3v1/APEv2 tags skipped, Xing/Info
 *     and VBRI headers for VBR, or a frame-by-frame scan), {@link org.callisto.show.media.Mp4Info} walks ISO base
 *     media boxes to {@code moov/mvhd} with seeks, never reading the media data. Bad files raise
 *     {@link org.callisto.show.media.MediaException} naming the file and what is wrong.</li>
 * <li>{@link org.callisto.show.media.TorrentWriter} makes one single-file torrent per rendition, with our direct
 *     download URL as web seed, using {@link org.callisto.show.media.Bencode}.</li>
 * <li>{@link org.callisto.show.media.MediaDownloads} answers GET and HEAD with ranges and validators
 *     ({@link org.callisto.show.media.RangeRequest} holds the range rules), sending memory-mapped windows of the file
 *     through Jetty, and counts downloads in a {@link org.callisto.show.media.DownloadCounter} that stores no
 *     address.</li>
 * </ul>
 *
 * <p>See {@code docs/show-media.md} for the choices and their reasons.
 */
package org.callisto.show.media;
