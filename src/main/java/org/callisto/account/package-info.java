/**
 * The accounts of the journal: users and their roles, password hashing, registration under the configured policy
 * (open, invite-only, closed), invitations, server-side sessions, CSRF tokens, rate limits and the session cookie.
 *
 * <p>{@link org.callisto.account.Accounts} is the entry point; {@link org.callisto.account.AccountStore} holds all
 * of its SQL. Everything a person typed is checked here, and anything unacceptable ends in an
 * {@link org.callisto.account.AccountRefusal} whose message can be shown to that person as it is.
 */
package org.callisto.account;
