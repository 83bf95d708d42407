package com.platform.accounts.core.port;

import com.platform.accounts.core.messaging.OutboundMessage;

/** Delivers one message on its channel: email (SES), SMS (SNS) or a voice call. */
public interface MessageSender {
  void send(OutboundMessage message);
}
