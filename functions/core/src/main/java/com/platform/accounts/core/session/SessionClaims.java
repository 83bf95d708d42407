package com.platform.accounts.core.session;

/** What a valid session token says: whose session it is, and the session version it carries. */
public record SessionClaims(String accountId, long sessionVersion) {}
