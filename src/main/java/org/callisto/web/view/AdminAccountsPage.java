package org.callisto.web.view;

import java.util.List;

/**
 * {@code /admin/accounts}: every account and the forms that change its role or ban it. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the token of every form on the page
 * @param message why the last change was refused, or null
 * @param notice  what the last change did, or null
 * @param rows    the accounts, oldest first
 */
public record AdminAccountsPage(PageMeta meta, String csrf, String message, String notice, List<Row> rows) {

    public AdminAccountsPage {
        rows = List.copyOf(rows);
    }

    /**
     * One account.
     *
     * @param id         its number
     * @param username   its name
     * @param role       {@code member}, {@code editor} or {@code admin}
     * @param createdIso when it was made, ISO 8601
     * @param created    the same, for reading
     * @param banned     whether it is banned
     * @param invitedBy  the name of the account that invited it, or null
     * @param self       whether it is the viewer's own account (which cannot be banned)
     */
    public record Row(
            long id,
            String username,
            String role,
            String createdIso,
            String created,
            boolean banned,
            String invitedBy,
            boolean self) {}
}
