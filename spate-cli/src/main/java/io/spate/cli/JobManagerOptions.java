package io.spate.cli;

import io.spate.client.rest.RestClient;
import io.spate.common.JobId;
import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the JobManager of the jobs to control is: its REST API's address and token. */
final class JobManagerOptions {
    static final String DEFAULT_ADDRESS = "127.0.0.1:8081";
    static final String TOKEN_VARIABLE = "SPATE_REST_TOKEN";

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "<host:port>",
            defaultValue = DEFAULT_ADDRESS,
            converter = AddressConverter.class,
            description =
                    "The address of the JobManager's REST API, as 'spate run' prints it"
                            + " (default: ${DEFAULT-VALUE}).")
    private URI address;

    @Option(
            names = "--token",
            paramLabel = "<token>",
            defaultValue = "${env:" + TOKEN_VARIABLE + "}",
            description =
                    "The bearer token the JobManager requires (its rest.token); default: the"
                            + " environment variable "
                            + TOKEN_VARIABLE
                            + ".")
    private String token;

    JobManagerConnection connect() {
        return new JobManagerConnection(new RestClient(address, token));
    }

    /** Reads {@code host:port}. */
    static final class AddressConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return RestClient.parseAddress(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads a job id, as {@code spate run} and {@code spate list} print it. */
    static final class JobIdConverter implements ITypeConverter<JobId> {
        @Override
        public JobId convert(String value) {
            try {
                return JobId.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        e.getMessage() + "; 'spate list' shows the ids of the jobs");
            }
        }
    }
}
