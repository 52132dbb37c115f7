package org.callisto.app.demo;

import java.util.List;

/**
 * The demo planet's blogs and posts. Original text written for the demo; the posts carry what real posts on a BSD
 * planet carry (shell sessions, diffs, config files, lists) so every page type has something real to show.
 */
final class DemoContent {
    private DemoContent() {}

    static final List<DemoBlog> BLOGS = List.of(
            new DemoBlog(
                    "ports-notes.xml",
                    "Ports Notes",
                    "Dana Whitfield",
                    "rss2",
                    List.of("FreeBSD"),
                    List.of(
                            new DemoPost(
                                    "graphite-upgrade",
                                    "Upgrading Graphite after the layout change",
                                    """
                            <p>The graphite port now follows the <code>hier(7)</code> layout: data moved from
                            <code>/usr/local/storage</code> to <code>/var/db/carbon</code>. If you upgrade from an older
                            package, do this:</p>
                            <ol><li>Stop carbon.</li><li>Move the whisper files.</li><li>Restart carbon and the web server.</li></ol>
                            <pre><code># service carbon stop
                            # mv /usr/local/storage/whisper/* /var/db/carbon/whisper/
                            # service carbon start</code></pre>
                            <p>Miss a step and the dashboards come up empty.</p>""",
                                    "FreeBSD",
                                    3),
                            new DemoPost("poudriere-tips", "Three poudriere habits worth keeping", """
                            <p>After a year of building packages for a small fleet, three habits stuck:</p>
                            <ul><li>one jail per major release,</li><li>a <code>make.conf</code> per set,</li>
                            <li>and <code>-J</code> tuned to the number of cores, not more.</li></ul>
                            <pre>poudriere bulk -j 14amd64 -p default -z server -f /usr/local/etc/poudriere.d/server.list</pre>""", "FreeBSD", 30),
                            new DemoPost("pkg-audit", "Making pkg audit part of the morning", """
                            <p>A cron line and a mail alias are all it takes to hear about vulnerable packages
                            before anyone else does:</p>
                            <pre>0 7 * * * root /usr/sbin/pkg audit -F -q || true</pre>""", "FreeBSD", 80))),
            new DemoBlog(
                    "bhyve-diary.atom",
                    "Bhyve Diary",
                    "Roman Novak",
                    "atom",
                    List.of("FreeBSD", "Virtualization"),
                    List.of(
                            new DemoPost("libvirt-bhyve", "bhyve support lands in libvirt", """
                            <p>The new libvirt release is the first to carry the bhyve driver. It is early: start, stop
                            and a basic domain XML work; consoles through <code>nmdm(4)</code> come next.</p>
                            <h3>What works today</h3>
                            <ul><li>Define, start and destroy domains</li><li>virtio-net and virtio-block devices</li></ul>
                            <pre>&lt;domain type='bhyve'&gt;
                              &lt;name&gt;demo&lt;/name&gt;
                              &lt;memory&gt;219136&lt;/memory&gt;
                            &lt;/domain&gt;</pre>""", "Virtualization", 6),
                            new DemoPost(
                                    "nmdm-console",
                                    "Serial consoles for guests with nmdm",
                                    """
                            <p>A null-modem pair per guest gives a console you can attach to with <code>cu</code>:</p>
                            <pre># kldload nmdm
                            # cu -l /dev/nmdm0B</pre>
                            <p>The diff that wires it into the driver is short:</p>
                            <pre>--- a/src/bhyve/bhyve_command.c
                            +++ b/src/bhyve/bhyve_command.c
                            @@ -112,6 +112,8 @@
                            +    virCommandAddArg(cmd, "-l");
                            +    virCommandAddArgFormat(cmd, "com1,%s", chr-&gt;source-&gt;data.nmdm.master);</pre>""",
                                    "Virtualization",
                                    52))),
            new DemoBlog(
                    "puffy-journal.rdf",
                    "Puffy Journal",
                    "Ines Carvalho",
                    "rss1",
                    List.of("OpenBSD"),
                    List.of(
                            new DemoPost("pledge-unveil", "pledge and unveil in a small daemon", """
                            <p>Two calls at the top of <code>main()</code> shrink what a daemon can do to what it
                            needs:</p>
                            <pre>if (unveil("/var/www/htdocs", "r") == -1)
                                    err(1, "unveil");
                            if (pledge("stdio rpath inet", NULL) == -1)
                                    err(1, "pledge");</pre>""", "OpenBSD", 12),
                            new DemoPost("httpd-acme", "httpd and acme-client, start to finish", """
                            <p>A certificate in ten lines of configuration:</p>
                            <pre>server "example.org" {
                                    listen on * port 80
                                    location "/.well-known/acme-challenge/*" {
                                            root "/acme"
                                            request strip 2
                                    }
                            }</pre>
                            <p>Then <code>acme-client -v example.org</code> and a reload.</p>""", "OpenBSD", 60))),
            new DemoBlog(
                    "netbsd-weekly.json",
                    "NetBSD Weekly",
                    "Kai Lindqvist",
                    "json",
                    List.of("NetBSD"),
                    List.of(
                            new DemoPost("pkgsrc-quarterly", "pkgsrc quarterly branch notes", """
                            <p>The quarterly branch is out. Highlights:</p>
                            <table><thead><tr><th>Area</th><th>Change</th></tr></thead>
                            <tbody><tr><td>Toolchain</td><td>GCC 14 is the default on amd64</td></tr>
                            <tr><td>Desktop</td><td>Xfce 4.20</td></tr></tbody></table>""", "NetBSD", 20),
                            new DemoPost(
                                    "interview-port-maintainer",
                                    "Getting to know a port maintainer",
                                    """
                            <p>This week we talk to a long-time maintainer.</p>
                            <dl><dt>How did you start?</dt><dd>I wanted a Unix I could understand end to end.</dd>
                            <dt>What keeps you here?</dt><dd>The people, and a system that does not bloat.</dd></dl>""",
                                    "NetBSD",
                                    100))),
            new DemoBlog(
                    "bsd-events.xml",
                    "BSD Events",
                    "Events Team",
                    "rss2",
                    List.of("Events"),
                    List.of(
                            new DemoPost("bsdcan-talks", "BSDCan talks are online", """
                            <p>Recordings of this year's talks are up. Our picks: the <em>microkernel NetBSD</em> talk,
                            and the one about <strong>faster DHCP</strong>.</p>
                            <blockquote><p>Failures in one component cannot spread to the others.</p></blockquote>""", "Events", 8),
                            new DemoPost("hackathon", "Hackathon report", """
                            <p>Twelve people, three days, 140 commits. The full list is in the wiki; the short version:
                            faster <code>fsck</code>, fewer locks in the network stack, and a new <kbd>make</kbd>
                            target for the docs.</p>""", "Events", 150))));
}
