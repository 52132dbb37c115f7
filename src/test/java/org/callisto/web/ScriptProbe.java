package org.callisto.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;

/**
 * Watches a {@link Browser} for script that a page was never meant to run.
 *
 * <p>Through the DevTools protocol it turns off the pages' Content-Security-Policy ({@code Page.setBypassCSP}), so
 * that escaping and sanitizing alone stand between stored text and the browser, and installs hooks in every new
 * document and frame before any of its own content runs ({@code Page.addScriptToEvaluateOnNewDocument}): a marker
 * function {@code xss(n)}, and {@code alert}, {@code confirm}, {@code prompt}, {@code print} and {@code open}
 * replaced by counters; script errors are counted too (no page of ours has script, so any error means some ran).
 * While a page is provoked, clicks on http(s) links and form submissions are cancelled, so it never leaves the page.
 *
 * <p>{@link #visit} loads a page and then focuses every element and sends it the usual mouse, focus, keyboard,
 * load and error events (a click follows {@code javascript:} links), waits for timers, and reports marker calls,
 * real dialogs, a change of location and active markup left in the document: {@code script} elements, {@code on*}
 * attributes, {@code srcdoc}, {@code object}, {@code embed}, {@code base}, {@code meta http-equiv=refresh}, URL
 * attributes resolving to {@code javascript:}, {@code vbscript:} or non-image {@code data:} URLs, and styles with
 * {@code expression(} or {@code javascript:}. Not thread-safe.
 */
final class ScriptProbe {
    /** Installed in every document and frame before its content. */
    static final String HOOKS = """
            (function () {
              if (Object.prototype.hasOwnProperty.call(window, '__hits')) return;
              var hits = null;
              try { if (window.top !== window) hits = window.top.__hits; } catch (e) {}
              if (!hits) hits = [];
              function record(what) { hits.push(what + ' in ' + String(location.href).slice(0, 120)); }
              function fix(owner, name, f) {
                try { Object.defineProperty(owner, name, {value: f, writable: false, configurable: false}); }
                catch (e) {}
              }
              fix(window, 'xss', function (n) { record('xss(' + n + ')'); });
              ['alert', 'confirm', 'prompt', 'print', 'open'].forEach(function (n) {
                fix(window, n, function (a) { record(n + '(' + String(a).slice(0, 40) + ')'); });
              });
              window.addEventListener('error', function (e) {
                if (e instanceof ErrorEvent) record('script error: ' + e.message);
              }, true);
              document.addEventListener('click', function (e) {
                if (!window.__provoking) return;
                var link = e.target && e.target.closest && e.target.closest('a, area');
                if (!link) return;
                var raw = link.getAttribute('href');
                if (raw === null) return;
                var scheme;
                try { scheme = new URL(raw, document.baseURI).protocol; } catch (err) { e.preventDefault(); return; }
                if (/^(https?|mailto|tel|ftp):$/.test(scheme)) e.preventDefault();
              }, true);
              document.addEventListener('submit', function (e) { if (window.__provoking) e.preventDefault(); }, true);
              fix(window, '__hits', hits);
            })();
            """;

    /** Provokes every element, scans the document for active markup, waits for late work, reports. */
    private static final String PROVOKE = """
            var done = arguments[arguments.length - 1];
            window.__provoking = true;
            var mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick',
                'contextmenu', 'mouseout', 'mouseleave', 'pointerover', 'pointerdown', 'pointerup'];
            var other = ['focus', 'focusin', 'blur', 'focusout', 'keydown', 'keyup', 'input', 'change', 'load',
                'error', 'toggle', 'animationstart', 'transitionend', 'pageshow'];
            var elements = Array.prototype.slice.call(document.querySelectorAll('*'));
            var dangerous = [];
            var urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background',
                'xlink:href', 'codebase'];
            elements.forEach(function (el) {
              var tag = el.localName;
              var where = tag + (el.id ? '#' + el.id : '');
              if (tag === 'script' || tag === 'object' || tag === 'embed' || tag === 'base' || tag === 'applet')
                dangerous.push(where + ' element');
              if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || ''))
                dangerous.push('meta refresh');
              Array.prototype.forEach.call(el.attributes || [], function (a) {
                var name = a.name.toLowerCase();
                if (name.indexOf('on') === 0) dangerous.push(where + ' ' + name + '=' + a.value.slice(0, 60));
                if (name === 'srcdoc') dangerous.push(where + ' srcdoc');
                if (name === 'style' && /expression\\(|javascript:/i.test(a.value))
                  dangerous.push(where + ' style=' + a.value.slice(0, 60));
              });
              if (tag === 'style' && /expression\\(|javascript:/i.test(el.textContent))
                dangerous.push('style element ' + el.textContent.slice(0, 60));
              urlAttributes.forEach(function (a) {
                var raw = el.getAttribute(a);
                if (raw === null) return;
                var url;
                try { url = new URL(raw, document.baseURI); } catch (e) { return; }
                var image = tag === 'img' && a === 'src' && /^data:image\\//i.test(url.href);
                if (url.protocol === 'javascript:' || url.protocol === 'vbscript:'
                    || (url.protocol === 'data:' && !image))
                  dangerous.push(where + ' ' + a + '=' + raw.slice(0, 60));
              });
            });
            var start = location.href;
            var moved = [];
            elements.forEach(function (el) {
              try { el.focus(); } catch (e) {}
              mouse.forEach(function (t) {
                try { el.dispatchEvent(new MouseEvent(t, {bubbles: true, cancelable: true, view: window})); }
                catch (e) {}
              });
              other.forEach(function (t) {
                try { el.dispatchEvent(new Event(t, {bubbles: true, cancelable: true})); } catch (e) {}
              });
              if (location.href !== start) moved.push(el.localName + ': ' + location.href);
            });
            setTimeout(function () {
              window.__report = {hits: (window.__hits || ['hooks missing']).slice(), dangerous: dangerous,
                  moved: moved, text: document.documentElement ? document.documentElement.textContent : ''};
              done(window.__report);
            }, 250);
            """;

    private final Browser browser;

    ScriptProbe(Browser browser) {
        this.browser = browser;
        browser.driver().executeCdpCommand("Page.enable", Map.of());
        browser.driver().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
    }

    /** What a page did: script calls, dialogs, location changes and active markup; {@code text} is its text. */
    record Report(
            String page,
            List<String> hits,
            List<String> dialogs,
            List<String> moved,
            List<String> dangerous,
            String text) {

        boolean quiet() {
            return hits.isEmpty() && dialogs.isEmpty() && moved.isEmpty() && dangerous.isEmpty();
        }

        @Override
        public String toString() {
            return page + ": script calls " + hits + ", dialogs " + dialogs + ", location changes " + moved
                    + ", active markup " + dangerous;
        }
    }

    /** Loads {@code uri}, provokes it and reports. */
    Report visit(URI uri) {
        dismissDialog();
        browser.open(uri);
        return check(uri.toString());
    }

    /** Provokes the page now shown (after a form was sent, say) and reports; {@code expected} is its URL. */
    @SuppressWarnings("unchecked")
    Report check(String expected) {
        List<String> dialogs = new ArrayList<>();
        Map<String, Object> seen = null;
        try {
            seen = (Map<String, Object>) browser.asyncScript(PROVOKE);
        } catch (UnhandledAlertException e) {
            dialogs.add(String.valueOf(e.getAlertText()));
        }
        for (int tries = 0; seen == null && tries < 30; tries++) {
            try {
                seen = (Map<String, Object>) browser.script("return window.__report || null");
                if (seen == null) {
                    Thread.sleep(100);
                }
            } catch (UnhandledAlertException e) {
                dialogs.add(String.valueOf(e.getAlertText()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (seen == null) {
            seen = Map.of(
                    "hits",
                    List.of(),
                    "dangerous",
                    List.of(),
                    "moved",
                    List.of("the page was replaced before it reported"),
                    "text",
                    "");
        }
        List<String> moved = new ArrayList<>((List<String>) seen.get("moved"));
        String location = browser.currentUrl();
        if (!location.equals(expected)) {
            moved.add("at the end: " + location);
        }
        return new Report(
                expected,
                (List<String>) seen.get("hits"),
                dialogs,
                moved,
                (List<String>) seen.get("dangerous"),
                String.valueOf(seen.get("text")));
    }

    private void dismissDialog() {
        try {
            browser.driver().switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // the usual case
        }
    }
}
