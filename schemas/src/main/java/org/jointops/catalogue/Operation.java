package org.jointops.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One run of a programme, e.g. {@code ILLEGAL-2017}, with its stages.
 *
 * @param code e.g. {@code ILLEGAL-2017}
 * @param programme code of its programme, e.g. {@code ILLEGAL}
 * @param name e.g. {@code Illegal 2017}
 * @param stages its stages, numbered from 1
 * @param reportingDays days after a stage's last day by which every member state is due
 * to have reported on it (a stage's own {@code reportBy} overrides it), or {@code null}
 * for no deadline
 * @param retired whether it takes no new reports (absent in a file means {@code false});
 * what was reported stays counted
 */
public record Operation(String code, String programme, String name, List<Stage> stages, Integer reportingDays,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean retired) {

	public Operation {
		stages = (stages != null) ? List.copyOf(stages) : List.of();
		retired = Boolean.TRUE.equals(retired);
	}

	/**
	 * An operation in use.
	 * @param code e.g. {@code ILLEGAL-2017}
	 * @param programme code of its programme
	 * @param name its name
	 * @param stages its stages
	 * @param reportingDays days after a stage by which reports are due, or {@code null}
	 */
	public Operation(String code, String programme, String name, List<Stage> stages, Integer reportingDays) {
		this(code, programme, name, stages, reportingDays, false);
	}

	/**
	 * The same operation, taking no new reports.
	 * @return this operation, retired
	 */
	public Operation retire() {
		return new Operation(this.code, this.programme, this.name, this.stages, this.reportingDays, true);
	}

	/**
	 * An operation without reporting deadlines.
	 * @param code e.g. {@code ILLEGAL-2017}
	 * @param programme code of its programme
	 * @param name its name
	 * @param stages its stages
	 */
	public Operation(String code, String programme, String name, List<Stage> stages) {
		this(code, programme, name, stages, null, false);
	}

	/**
	 * A stage by number.
	 * @param number stage number
	 * @return the stage, if the operation has it
	 */
	public Optional<Stage> stage(int number) {
		return this.stages.stream().filter((stage) -> stage.stage() == number).findFirst();
	}

	/**
	 * The last day on which every member state is due to have reported on a stage: the
	 * stage's {@code reportBy}, else its last day plus {@code reportingDays}.
	 * @param stage a stage of this operation
	 * @return the day (inclusive), empty if the catalogue sets no deadline
	 */
	public Optional<LocalDate> reportingDeadline(Stage stage) {
		if (stage.reportBy() != null) {
			return Optional.of(stage.reportBy());
		}
		return Optional.ofNullable(this.reportingDays).map((days) -> stage.end().plusDays(days));
	}

}
