package com.platform.accounts.core.problem;

/** One bad field of a request: which field, a machine-readable code and a message for people. */
public record FieldError(String field, FieldErrorCode code, String message) {}
