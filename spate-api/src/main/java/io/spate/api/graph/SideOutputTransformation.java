package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.datastream.OutputTag;
import java.util.List;

/** Not an operator: selects the side output of {@code tag} from its input operator. */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
        super(id, "SideOutput(" + tag.getId() + ")", tag.getType());
        this.input = input;
        this.tag = tag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
