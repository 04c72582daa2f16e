package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's contact becomes a link, so only an https or a mail address is accepted; anything else stops start-up. */
class AccessibilityResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/accessibility", "mailto:access@example.org", " ", ""})
    void anHttpsOrMailAddressOrNoneIsAccepted(String contact) {
        assertThatCode(() -> new AccessibilityResource(Optional.of(contact))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "http://example.org",
                "access@example.org",
                "mailto:nobody",
                "https://example.org/\"><script>"
            })
    void anythingElseStopsTheServer(String contact) {
        assertThatThrownBy(() -> new AccessibilityResource(Optional.of(contact)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("liminal.accessibility.contact");
    }
}
