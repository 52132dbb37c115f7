package org.callisto.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A journal account as the rest of the program sees it; never holds the password hash. Immutable.
 *
 * @param id        the account's number
 * @param username  the name as the person wrote it; unique regardless of case
 * @param role      what the account may do
 * @param banned    whether the account is barred from logging in
 * @param createdAt when the account was made
 * @param invitedBy the account that invited this one, if registration was by invitation
 */
public record User(long id, String username, Role role, boolean banned, Instant createdAt, Optional<Long> invitedBy) {}
