/**
 * The podcast show: its settings, episodes and show notes, the media renditions of each episode, the import of
 * show notes kept as Markdown, and one podcast feed per rendition. No HTML pages yet.
 *
 * <ul>
 * <li>One store per entity holds its SQL: {@link org.callisto.show.ShowSettingsStore} the
 *     {@link org.callisto.show.ShowSettings}, {@link org.callisto.show.EpisodeStore} the
 *     {@link org.callisto.show.Episode}s, {@link org.callisto.show.NoteStore} their notes as a whole
 *     ({@link org.callisto.show.Section}s of {@link org.callisto.show.NoteItem}s) and
 *     {@link org.callisto.show.SectionStore} and {@link org.callisto.show.ItemStore} piece by piece,
 *     {@link org.callisto.show.GuestStore}, {@link org.callisto.show.TranscriptStore},
 *     {@link org.callisto.show.RenditionStore} and {@link org.callisto.show.DownloadStore}, made together over one
 *     database and clock by {@link org.callisto.show.ShowStores}. Every write that changes what the show's pages and
 *     feeds show moves the show's change time, {@link org.callisto.show.ShowChanges}, in the same transaction.</li>
 * <li>{@link org.callisto.show.ListenerFeedback} holds the rules of listener feedback,
 *     {@link org.callisto.show.FeedbackStore} its SQL.</li>
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
