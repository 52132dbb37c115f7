package org.callisto.planet.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared setup of fetcher tests: a fixture server on loopback and a fetcher with the test configuration of
 * {@link TestFetchers}, both fresh for each test and closed after it.
 */
abstract class LoopbackFetchTest {
    protected FixtureServer server;
    protected FeedFetcher fetcher;

    @BeforeEach
    void startFixtureAndFetcher() {
        server = FixtureServer.start();
        fetcher = TestFetchers.fetcher();
    }

    @AfterEach
    void stopFixtureAndFetcher() {
        fetcher.close();
        server.close();
    }

    /** Fetches {@code path} from the fixture server without validators. */
    protected FetchResult fetch(String path) {
        return fetcher.fetch(new FetchRequest(server.url(path), null, null));
    }
}
