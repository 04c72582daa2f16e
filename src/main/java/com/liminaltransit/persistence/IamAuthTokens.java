package com.liminaltransit.persistence;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;
import software.amazon.awssdk.services.rds.model.GenerateAuthenticationTokenRequest;

/**
 * RDS IAM authentication ({@code liminal.db.auth=iam}): every new connection signs in with a fresh token made from
 * the task's IAM role, so there is no database password to store, leak or rotate. A token is a presigned request
 * ({@code host:port/?Action=connect&DBUser=…&X-Amz-…}), made locally without a call to AWS, and valid 15 minutes
 * for signing in; a connection it opened stays open after that.
 */
final class IamAuthTokens implements HikariCredentialsProvider {

    private static final int POSTGRES_PORT = 5432;

    private final RdsUtilities rds;
    private final String host;
    private final int port;
    private final String user;

    /**
     * Signs tokens for {@code user} on the database {@code jdbcUrl} names.
     *
     * @param jdbcUrl     {@code jdbc:postgresql://host[:port]/database[?…]}, a single host
     * @param credentials the AWS credentials to sign with (the default chain in AWS: the task role)
     * @throws IllegalArgumentException when the URL names no single host
     */
    IamAuthTokens(String jdbcUrl, String user, Region region, AwsCredentialsProvider credentials) {
        URI uri = hostOf(jdbcUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? POSTGRES_PORT : uri.getPort();
        this.user = user;
        this.rds = RdsUtilities.builder()
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    @Override
    public Credentials getCredentials() {
        return Credentials.of(user, token());
    }

    /** A new token, signed now. */
    String token() {
        return rds.generateAuthenticationToken(GenerateAuthenticationTokenRequest.builder()
                .hostname(host)
                .port(port)
                .username(user)
                .build());
    }

    private static URI hostOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "liminal.db.auth=iam needs a PostgreSQL URL (jdbc:postgresql://host:port/database)");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(
                    "liminal.db.auth=iam needs one host name in liminal.db.url (jdbc:postgresql://host:port/database)");
        }
        return uri;
    }
}
