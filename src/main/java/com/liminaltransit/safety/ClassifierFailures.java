package com.liminaltransit.safety;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** One SDK call of a classifier, its failures turned into a short reason for the step's record and the metrics. */
final class ClassifierFailures {

    private ClassifierFailures() {}

    /** Runs {@code call}; any SDK failure becomes {@link ClassifierUnavailableException}. */
    static <T> T call(Layer layer, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new ClassifierUnavailableException(layer, reason(e), e);
        }
    }

    /** {@code throttled}, {@code error 503}, {@code timed out}, {@code malformed answer}, or the error code. */
    static String reason(SdkException e) {
        if (e instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return "throttled";
            }
            var details = service.awsErrorDetails();
            String code = details == null || details.errorCode() == null ? "" : " " + details.errorCode();
            return "error " + service.statusCode() + code;
        }
        if (e instanceof ApiCallTimeoutException
                || e instanceof ApiCallAttemptTimeoutException
                || causedBy(e, SocketTimeoutException.class)) {
            return "timed out";
        }
        if (e instanceof AbortedException || causedBy(e, InterruptedException.class)) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (causedBy(e, InterruptedIOException.class)) {
            return "timed out";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("nmarshall") || message.contains("parse") || message.contains("JSON")) {
            return "malformed answer";
        }
        return "unreachable";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
