package com.platform.accounts.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The update expression of an UpdateItem, with exactly the names and values it uses. Its
 * placeholders may repeat a condition's only where they stand for the same name or value.
 */
record Change(String expression, Map<String, String> names, Map<String, AttributeValue> values) {}
