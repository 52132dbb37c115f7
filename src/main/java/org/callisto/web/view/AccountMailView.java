package org.callisto.web.view;

/**
 * The mail part of a member's page. Immutable.
 *
 * @param mailOn       whether the site sends mail at all
 * @param email        the member's address, or "" for none
 * @param verified     whether that address is verified
 * @param notifyByMail whether notification mail is on
 * @param csrf         the token of the address and notification forms
 */
public record AccountMailView(boolean mailOn, String email, boolean verified, boolean notifyByMail, String csrf) {}
