package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import io.spate.core.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which part of an operator's checkpointed state a subtask restores, at the same or another
 * parallelism (see ADR 0003). Every subtask computes its own share, from the same inputs, with the
 * same deterministic rules.
 */
@Internal
public final class StateAssignment {
    private StateAssignment() {}

    /**
     * The handles whose key groups overlap {@code mine}: the files a subtask reads keyed state
     * from.
     */
    public static List<SubtaskStateHandle> keyedHandles(
            OperatorStateSnapshot old, KeyGroupRange mine) {
        List<SubtaskStateHandle> result = new ArrayList<>();
        for (SubtaskStateHandle h : old.subtasks()) {
            KeyGroupRange r = h.keyGroups();
            if (r.size() > 0 && r.start() <= mine.end() && mine.start() <= r.end()) {
                result.add(h);
            }
        }
        return result;
    }

    /**
     * The operator state lists of new subtask {@code subtask} of {@code parallelism}, from the
     * lists of the old subtasks (indexed by old subtask).
     */
    public static Map<String, OperatorListState> operatorState(
            List<Map<String, OperatorListState>> oldSubtasks, int subtask, int parallelism) {
        Map<String, OperatorListState.Mode> modes = new LinkedHashMap<>();
        for (Map<String, OperatorListState> lists : oldSubtasks) {
            lists.forEach((name, list) -> modes.putIfAbsent(name, list.mode()));
        }
        Map<String, OperatorListState> result = new LinkedHashMap<>();
        boolean sameParallelism = oldSubtasks.size() == parallelism;
        for (Map.Entry<String, OperatorListState.Mode> e : modes.entrySet()) {
            String name = e.getKey();
            OperatorListState.Mode mode = e.getValue();
            List<byte[]> mine;
            switch (mode) {
                case UNION:
                    mine = concat(oldSubtasks, name);
                    break;
                case BROADCAST:
                    mine = oldSubtasks.isEmpty() ? List.of() : elements(oldSubtasks.get(0), name);
                    break;
                case SPLITS:
                    if (sameParallelism) {
                        mine = elements(oldSubtasks.get(subtask), name);
                    } else {
                        List<byte[]> all = concat(oldSubtasks, name);
                        mine = new ArrayList<>();
                        for (int i = subtask; i < all.size(); i += parallelism) {
                            mine.add(all.get(i));
                        }
                    }
                    break;
                default:
                    if (sameParallelism) {
                        mine = elements(oldSubtasks.get(subtask), name);
                    } else {
                        List<byte[]> all = concat(oldSubtasks, name);
                        int from = (int) ((long) subtask * all.size() / parallelism);
                        int to = (int) ((long) (subtask + 1) * all.size() / parallelism);
                        mine = all.subList(from, to);
                    }
            }
            result.put(name, new OperatorListState(mode, mine));
        }
        return result;
    }

    private static List<byte[]> elements(Map<String, OperatorListState> lists, String name) {
        OperatorListState l = lists.get(name);
        return l == null ? List.of() : l.elements();
    }

    private static List<byte[]> concat(
            List<Map<String, OperatorListState>> oldSubtasks, String name) {
        List<byte[]> all = new ArrayList<>();
        for (Map<String, OperatorListState> lists : oldSubtasks) {
            all.addAll(elements(lists, name));
        }
        return all;
    }
}
