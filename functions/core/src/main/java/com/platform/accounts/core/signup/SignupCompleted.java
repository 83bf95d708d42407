package com.platform.accounts.core.signup;

import com.platform.accounts.core.session.SessionToken;

public record SignupCompleted(String accountId, SessionToken session) {}
