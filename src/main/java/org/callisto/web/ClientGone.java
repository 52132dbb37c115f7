package org.callisto.web;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The client closed its connection while a response was being written to it. Nothing is wrong with the site, so it
 * is logged at debug level only: under a flood of clients that give up (or a load generator that stops), logging each
 * one as an error with its stack trace would fill the log. Immutable.
 */
final class ClientGone extends UncheckedIOException {
    ClientGone(String what, IOException cause) {
        super("client went away while sending " + Paging.shorten(what), cause);
    }
}
