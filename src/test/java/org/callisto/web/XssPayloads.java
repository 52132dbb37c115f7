package org.callisto.web;

import java.util.List;

/**
 * Script-injection payloads for the journal's fields. Each calls the marker {@code xss(n)} of {@link ScriptProbe}
 * with its own number, so a report names the payload that ran. One line each, and short enough for a dept line
 * (80 characters) where possible.
 */
final class XssPayloads {
    /** What a payload does when written raw into the contexts of {@link XssControlTest}. */
    enum Raw {
        /** calls its marker */
        RUNS,
        /** leaves active markup that the probe reports, without calling its marker */
        MARKUP,
        /** nothing in today's Chromium as HTML (it ran in old browsers, or in XML); sent in case a path revives it */
        INERT
    }

    /** A payload: its text with {@code N} where its number goes, and what it does raw. */
    record Payload(String template, Raw raw) {
        boolean runsRaw() {
            return raw == Raw.RUNS;
        }

        String at(int n) {
            return template.replace("N", Integer.toString(n));
        }
    }

    static final List<Payload> ALL = List.of(
            new Payload("<script>xss(N)</script>", Raw.RUNS),
            new Payload("<img src=x onerror=xss(N)>", Raw.RUNS),
            new Payload("<svg onload=xss(N)>", Raw.RUNS),
            new Payload("\"><script>xss(N)</script>", Raw.RUNS),
            new Payload("'><img src=x onerror=xss(N)>", Raw.RUNS),
            new Payload("\" autofocus onfocus=\"xss(N)", Raw.RUNS),
            new Payload("' onmouseover='xss(N)", Raw.RUNS),
            new Payload("</title><script>xss(N)</script>", Raw.RUNS),
            new Payload("</textarea><script>xss(N)</script>", Raw.RUNS),
            new Payload("javascript:xss(N)", Raw.RUNS),
            new Payload("<a href=\"javascript:xss(N)\">js link</a>", Raw.RUNS),
            new Payload("<a href=\"&#106;&#97;vascript&#58;xss(N)\">entity link</a>", Raw.RUNS),
            new Payload("<a href=\"jav&#x09;ascript:xss(N)\">tab link</a>", Raw.RUNS),
            new Payload("<iframe srcdoc=\"<script>xss(N)</script>\"></iframe>", Raw.RUNS),
            new Payload("<details open ontoggle=xss(N)>", Raw.RUNS),
            new Payload("<input autofocus onfocus=xss(N)>", Raw.RUNS),
            new Payload("<noscript><p title=\"</noscript><img src=x onerror=xss(N)>\">", Raw.RUNS),
            // the probe cancels form submissions, so this one is caught as active markup, not by its marker
            new Payload("<form><button formaction=\"javascript:xss(N)\">go</button></form>", Raw.MARKUP),
            new Payload("[md link](javascript:xss(N))", Raw.RUNS),
            new Payload("<template><script>xss(N)</script></template>", Raw.INERT),
            new Payload("<p style=\"width:expression(xss(N))\">styled</p>", Raw.INERT),
            new Payload("]]><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">xss(N)</x:script>", Raw.INERT));

    private XssPayloads() {}
}
