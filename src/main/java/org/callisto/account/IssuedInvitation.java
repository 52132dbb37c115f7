package org.callisto.account;

/**
 * A new invitation with its code, which is shown to the member this once and then exists only as a digest.
 * Immutable.
 */
public record IssuedInvitation(String code, Invitation invitation) {

    @Override
    public String toString() {
        return "IssuedInvitation[" + invitation + "]";
    }
}
