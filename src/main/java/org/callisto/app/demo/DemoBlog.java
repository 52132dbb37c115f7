package org.callisto.app.demo;

import java.util.List;

/**
 * One demo blog with its posts and the format its feed is served in. Immutable.
 *
 * @param path       where the demo serves its feed, under {@code /demo-feeds/}
 * @param format     rss2, atom, rss1 or json
 * @param categories the planet categories the blog is filed under
 */
record DemoBlog(
        String path, String name, String author, String format, List<String> categories, List<DemoPost> posts) {}
