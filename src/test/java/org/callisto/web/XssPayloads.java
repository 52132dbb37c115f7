package org.callisto.web;

import java.util.List;

/**
 * Script-injection payloads for the journal's fields. Each calls the marker {@code xss(n)} of {@link ScriptProbe}
 * with its own number, so a report names the payload that ran. One line each, and short enough for a dept line
 * (80 characters) where possible.
 */
final class XssPayloads {
    /**
     * A payload: its text with {@code N} where its number goes, and whether it runs when written raw into one of
     * the contexts of {@link XssControlTest} (some work only through a Markdown renderer, in XML, or in old browsers;
     * they are still sent, in case some path gives them new life).
     */
    record Payload(String template, boolean runsRaw) {
        String at(int n) {
            return template.replace("N", Integer.toString(n));
        }
    }

    static final List<Payload> ALL = List.of(
            new Payload("<script>xss(N)</script>", true),
            new Payload("<img src=x onerror=xss(N)>", true),
            new Payload("<svg onload=xss(N)>", true),
            new Payload("\"><script>xss(N)</script>", true),
            new Payload("'><img src=x onerror=xss(N)>", true),
            new Payload("\" autofocus onfocus=\"xss(N)", true),
            new Payload("' onmouseover='xss(N)", true),
            new Payload("</title><script>xss(N)</script>", true),
            new Payload("</textarea><script>xss(N)</script>", true),
            new Payload("javascript:xss(N)", true),
            new Payload("<a href=\"javascript:xss(N)\">js link</a>", true),
            new Payload("<a href=\"&#106;&#97;vascript&#58;xss(N)\">entity link</a>", true),
            new Payload("<a href=\"jav&#x09;ascript:xss(N)\">tab link</a>", true),
            new Payload("<iframe srcdoc=\"<script>xss(N)</script>\"></iframe>", true),
            new Payload("<details open ontoggle=xss(N)>", true),
            new Payload("<input autofocus onfocus=xss(N)>", true),
            new Payload("<noscript><p title=\"</noscript><img src=x onerror=xss(N)>\">", true),
            // the probe cancels form submissions, so this one is caught as active markup, not by its marker
            new Payload("<form><button formaction=\"javascript:xss(N)\">go</button></form>", false),
            new Payload("[md link](javascript:xss(N))", true),
            new Payload("<template><script>xss(N)</script></template>", false),
            new Payload("<p style=\"width:expression(xss(N))\">styled</p>", false),
            new Payload("]]><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">xss(N)</x:script>", false));

    private XssPayloads() {
    }
}
