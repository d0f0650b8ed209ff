package io.spate.tests.windowing;

import io.spate.api.common.typeinfo.TypeInfo;

/** A test element: a key and a value; its timestamp travels beside it. */
record Ev(String key, long value) {
    static final TypeInfo<Ev> TYPE = TypeInfo.of(Ev.class);

    static Ev of(String key, long value) {
        return new Ev(key, value);
    }

    @Override
    public String toString() {
        return key + value;
    }
}
