package org.callisto.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.callisto.account.Accounts;
import org.callisto.account.Membership;
import org.callisto.db.DatabaseCheck;
import org.callisto.journal.AccountModeration;
import org.callisto.journal.Comments;
import org.callisto.journal.Notifications;
import org.callisto.journal.Profiles;
import org.callisto.journal.Submissions;
import org.callisto.journal.Votes;
import org.callisto.planet.CategoryStore;
import org.callisto.planet.EntryFilters;
import org.callisto.planet.EntryStore;
import org.callisto.planet.PlanetChangeTime;
import org.callisto.planet.PlanetStatistics;
import org.callisto.planet.SubscriptionStore;
import org.callisto.search.SearchService;
import org.callisto.show.Curation;
import org.callisto.show.EpisodeEditor;
import org.callisto.show.EpisodePublishing;
import org.callisto.show.EpisodeUploads;
import org.callisto.show.ListenerFeedback;
import org.callisto.show.ShowStores;
import org.callisto.show.media.DownloadCounter;
import org.callisto.websub.WebSub;

/**
 * The domain services the web layer serves, made once by the composition root ({@code app.Callisto}) and handed to
 * {@link WebServer#start}. The web layer builds only HTTP adapters (pages, caches, routes) around them, never a
 * store or a service of its own. Immutable; every service in it is thread-safe.
 *
 * @param clock the one clock of the process: every time a page shows or compares comes from it
 * @param publishing publishing the show from the browser
 * @param meters the one meter registry of the process, which the web layer records its metrics in
 * @param metricsText the metrics in the Prometheus text format, for {@code /metrics}
 * @param filters   the planet's filter rules, applied before entries are stored
 * @param community the journal's social side: notifications, votes and flags, profiles
 * @param websub WebSub, both ways: the subscriber's callbacks and the site's own hub ({@link WebSub#off()} when off)
 */
public record SiteServices(
        Clock clock,
        SubscriptionStore subscriptions,
        CategoryStore categories,
        EntryStore entries,
        PlanetStatistics statistics,
        PlanetChangeTime planetChanges,
        EntryFilters filters,
        Accounts accounts,
        Membership membership,
        Submissions submissions,
        Comments comments,
        Community community,
        AccountModeration moderation,
        ListenerFeedback feedback,
        ShowStores show,
        EpisodeEditor episodeEditor,
        Curation curation,
        DownloadCounter downloads,
        DatabaseCheck databaseCheck,
        SearchService search,
        MeterRegistry meters,
        Supplier<String> metricsText,
        WebSub websub,
        Publishing publishing) {
    public SiteServices {
        websub = websub == null ? WebSub.off() : websub;
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(planetChanges, "planetChanges");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(comments, "comments");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(episodeEditor, "episodeEditor");
        Objects.requireNonNull(curation, "curation");
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(databaseCheck, "databaseCheck");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(metricsText, "metricsText");
        Objects.requireNonNull(publishing, "publishing");
    }

    /**
     * Publishing the show from the browser: publish, schedule, unpublish and delete episodes, and the files editors
     * upload for them. Immutable.
     */
    public record Publishing(EpisodePublishing episodes, EpisodeUploads uploads) {
        public Publishing {
            Objects.requireNonNull(episodes, "episodes");
            Objects.requireNonNull(uploads, "uploads");
        }
    }

    /** The journal's social side, in one component so that the record stays readable. Immutable. */
    public record Community(Notifications notifications, Votes votes, Profiles profiles) {
        public Community {
            Objects.requireNonNull(notifications, "notifications");
            Objects.requireNonNull(votes, "votes");
            Objects.requireNonNull(profiles, "profiles");
        }
    }
}
