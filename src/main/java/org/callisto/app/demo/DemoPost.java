package org.callisto.app.demo;

/** One demo blog post: written for the demo, in the style of the posts a BSD planet carries. Immutable. */
record DemoPost(String slug, String title, String html, String category, int hoursAgo) {}
