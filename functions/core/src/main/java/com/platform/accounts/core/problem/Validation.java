package com.platform.accounts.core.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad field of one request so that the caller hears about all of them at once. The
 * API layer records type errors here first; the core adds its semantic checks for the fields still
 * clean.
 */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  public Validation reject(String field, FieldErrorCode code, String message) {
    errors.add(new FieldError(field, code, message));
    return this;
  }

  public boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isClean() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Throws VALIDATION_FAILED naming every collected field, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw Problem.validation(errors);
    }
  }
}
