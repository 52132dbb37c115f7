package org.callisto.web;

import io.javalin.http.Context;
import java.util.List;
import org.callisto.planet.Entry;
import org.callisto.web.view.EntryPage;
import org.callisto.web.view.EntryView;

/** The permalink of one aggregated entry, crediting and linking the original: {@code /entries/{id}}. Thread-safe. */
final class EntryPages {
    private final Site site;

    EntryPages(Site site) {
        this.site = site;
    }

    Rendered entry(Context ctx) {
        String id = ctx.pathParam("id");
        long entryId = id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1;
        Entry entry = site.entries()
                .entry(entryId)
                .orElseThrow(() -> PageException.notFound(
                        "There is no entry " + Paging.shorten(id) + ". It may have been removed with its feed."));
        EntryView view = site.views(List.of(entry)).getFirst();
        return site.render("entry.jte", new EntryPage(site.meta(ctx, view.title()), view));
    }
}
