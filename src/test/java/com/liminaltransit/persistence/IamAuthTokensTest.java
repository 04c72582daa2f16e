package com.liminaltransit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** IAM tokens are signed locally from the AWS credentials: no network, fake keys suffice. */
class IamAuthTokensTest {

    private static final String URL =
            "jdbc:postgresql://writer.cluster-abc.eu-west-1.rds.amazonaws.com:5432/liminal" + "?sslmode=require";

    @Test
    void aTokenIsAPresignedConnectRequestForTheAppsUserOnTheWriter() {
        // given static fake credentials
        IamAuthTokens tokens = new IamAuthTokens(
                URL,
                "liminal_app",
                Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret")));

        // when the pool asks for credentials
        var credentials = tokens.getCredentials();

        // then the user is the app's and the password is the token: host:port/?Action=connect&DBUser=…, signed
        assertThat(credentials.getUsername()).isEqualTo("liminal_app");
        String token = URLDecoder.decode(credentials.getPassword(), StandardCharsets.UTF_8);
        assertThat(token)
                .startsWith("writer.cluster-abc.eu-west-1.rds.amazonaws.com:5432/?")
                .contains("Action=connect", "DBUser=liminal_app")
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
                .contains("X-Amz-Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/rds-db/aws4_request")
                .containsPattern("X-Amz-Expires=(89\\d|900)&") // fifteen minutes, as RDS allows
                .contains("X-Amz-Signature=")
                .doesNotContain("fake-secret");
    }

    @Test
    void everyNewConnectionGetsATokenFromTheCredentialsOfThatMoment() {
        // given credentials that the SDK refreshes (a task role's rotate every few hours)
        AtomicReference<AwsCredentials> current =
                new AtomicReference<>(AwsBasicCredentials.create("AKIDFIRST", "first-secret"));
        AwsCredentialsProvider refreshing = current::get;
        IamAuthTokens tokens = new IamAuthTokens(URL, "liminal_app", Region.EU_WEST_1, refreshing);
        String first = tokens.getCredentials().getPassword();

        // when they change and the pool opens another connection
        current.set(AwsBasicCredentials.create("AKIDSECOND", "second-secret"));
        String second = tokens.getCredentials().getPassword();

        // then that connection signs in with a token made from the new ones: nothing is cached
        assertThat(first).contains("AKIDFIRST");
        assertThat(second).contains("AKIDSECOND");
    }

    @Test
    void theDefaultPortIsPostgresqls() {
        IamAuthTokens tokens = new IamAuthTokens(
                "jdbc:postgresql://db.internal/liminal",
                "liminal_app",
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret")));

        assertThat(tokens.token()).startsWith("db.internal:5432/?");
    }

    @Test
    void aUrlWithoutOneHostIsRefused() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));

        assertThatThrownBy(() ->
                        new IamAuthTokens("jdbc:h2:file:./data/liminal", "liminal_app", Region.US_EAST_1, credentials))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> new IamAuthTokens(
                        "jdbc:postgresql://a:5432,b:5432/liminal", "liminal_app", Region.US_EAST_1, credentials))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one host");
    }
}
