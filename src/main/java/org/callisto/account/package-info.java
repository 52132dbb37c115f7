/**
 * The accounts of the journal: users and their roles, password hashing, registration under the configured policy
 * (open, invite-only, closed), invitations, server-side sessions, CSRF tokens, rate limits and the session cookie;
 * and joining and mail to members ({@link org.callisto.account.Membership}): invitations with quotas and mailed
 * links, members' mail addresses and their verification, password reset by mail, notification mail with one-click
 * unsubscribing. May import {@code config}, {@code db} and {@code mail}.
 *
 * <p>{@link org.callisto.account.Accounts} is the entry point; {@link org.callisto.account.AccountStore} holds its
 * SQL, with one store per further entity (invitations, mail settings, mailed link tokens). Everything a person typed is checked here, and anything unacceptable ends in an
 * {@link org.callisto.account.AccountRefusal} whose message can be shown to that person as it is.
 */
package org.callisto.account;
