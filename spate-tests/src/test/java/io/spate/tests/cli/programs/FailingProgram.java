package io.spate.tests.cli.programs;

import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.StreamExecutionEnvironment;

/** A job whose function throws at one record. */
public final class FailingProgram {
    private FailingProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 100).map(new Validate()).returns(Types.LONG).name("Validate").print();
        env.execute("Validation");
    }

    /** Rejects 42. */
    public static final class Validate implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 42) {
                throw new IllegalStateException("bad record \"42\"");
            }
            return value;
        }
    }
}
