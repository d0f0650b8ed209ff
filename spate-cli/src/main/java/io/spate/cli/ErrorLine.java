package io.spate.cli;

import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobStatus;
import java.util.Locale;

/**
 * Turns an exception into the one line the command line prints for it: what failed and where, with
 * the cause that explains it, for example {@code job 'WordCount' failed: Operator 'Map' (subtask 2
 * of 4) failed: java.lang.IllegalStateException: bad record "x"}.
 */
final class ErrorLine {
    private ErrorLine() {}

    static String of(Throwable error) {
        JobExecutionException job = find(error, JobExecutionException.class);
        if (job != null) {
            return ofJob(job);
        }
        if (error instanceof ProgramFailedException) {
            return ((ProgramFailedException) error).what()
                    + " failed: "
                    + summary(error.getCause());
        }
        return summary(error);
    }

    private static String ofJob(JobExecutionException e) {
        String job = jobLabel(e);
        if (e.getStatus() == JobStatus.CANCELED) {
            return job + " was cancelled";
        }
        return job + " failed: " + (e.getCause() != null ? summary(e.getCause()) : "unknown cause");
    }

    /**
     * {@code job 'WordCount'}. The exception carries the job's name only in its message, which the
     * engine writes as {@code Job '<name>' (<id>) ...}; without that, the job's id names it.
     */
    private static String jobLabel(JobExecutionException e) {
        if (e.getJobName() != null) {
            return "job '" + e.getJobName() + "'";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.getJobId() != null && message.startsWith("Job '")) {
            int end = message.indexOf("' (" + e.getJobId() + ")");
            if (end > 0) {
                return "job " + message.substring(4, end + 1);
            }
        }
        return e.getJobId() != null ? "job " + e.getJobId() : "the job";
    }

    /**
     * The exception in one line: Spate's own exceptions by their message alone (it says what and
     * where), others with their class; the root cause is added when the message does not show it.
     */
    static String summary(Throwable t) {
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            return "a static initializer failed: " + summary(t.getCause());
        }
        String text = describe(t);
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            String rootText = describe(root);
            String rootMessage = oneLine(root.getMessage());
            // Case-insensitively: "nothing listens there (connection refused)" already says
            // what java.net.ConnectException's "Connection refused" would add.
            String shown = rootMessage.isEmpty() ? rootText : rootMessage;
            if (!text.toLowerCase(Locale.ROOT).contains(shown.toLowerCase(Locale.ROOT))) {
                text += "; caused by " + rootText;
            }
        }
        return text;
    }

    private static String describe(Throwable t) {
        String message = oneLine(t.getMessage());
        boolean own = t.getClass().getName().startsWith("io.spate.");
        if (own && !message.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
