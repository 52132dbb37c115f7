/**
 * The podcast show: its settings, episodes and show notes, the media renditions of each episode, the import of
 * show notes kept as Markdown, and one podcast feed per rendition. No HTML pages yet.
 *
 * <ul>
 * <li>{@link org.callisto.show.ShowStore} holds all SQL: {@link org.callisto.show.ShowSettings},
 *     {@link org.callisto.show.Episode}s, their notes ({@link org.callisto.show.Section}s of
 *     {@link org.callisto.show.NoteItem}s), {@link org.callisto.show.Guest}s, {@link org.callisto.show.Transcript}s
 *     and {@link org.callisto.show.Rendition}s.</li>
 * <li>{@link org.callisto.show.Renditions} adds a media file to an episode, its length, type and duration read from
 *     the file by {@link org.callisto.show.media.MediaInspector}, and writes its torrent.</li>
 * <li>{@link org.callisto.show.MarkdownImport} reads a folder of show notes with
 *     {@link org.callisto.show.ShowNotesParser}.</li>
 * <li>{@link org.callisto.show.PodcastFeedWriter} writes each {@link org.callisto.show.PodcastFeed}, with the notes
 *     as HTML from {@link org.callisto.show.ShowNotesHtml}.</li>
 * </ul>
 *
 * <p>See {@code docs/show.md}.
 */
package org.callisto.show;
