"""One test per grammar rule of the result extractor: scope of comparisons, settings and entities.

Sentences are written for the tests (no seed text). Plain-sentence rules go through
:func:`loaders.results.parse_sentence`; rules that bind linked names go through the real mapper
(``link_paper``) and the real ontology.
"""

from __future__ import annotations

from kg.records import ResultRecord
from loaders.mapping.mapper import link_paper
from loaders.quantities import find_quantities
from loaders.results import extract_results, parse_sentence
from tests.graphdata import written_paper as _paper


def _results(onto: object, title: str, abstract: str) -> dict[float, ResultRecord]:
    return {r.value: r for r in extract_results(link_paper(_paper(title, abstract), onto))}


def _parsed(text: str) -> dict[float, object]:
    return {r.value: r for r in parse_sentence(text)}


# -- comparisons --------------------------------------------------------------------------------


def test_a_new_claim_closes_the_scope_of_a_comparison() -> None:
    rs = _parsed("The planner trims memory by 40% and runs 2.5x faster than Qorx on long inputs.")
    assert rs[40.0].baseline_text is None  # "and runs ... than Qorx" is another claim
    assert rs[2.5].baseline_text == "Qorx"


def test_a_comparison_after_a_number_stays_with_that_number() -> None:
    rs = _parsed("It gives a 12% speedup compared to Qorx, 3x on short prompts, and 2x on code.")
    assert rs[12.0].baseline_text == "Qorx"
    assert rs[3.0].baseline_text is None and rs[2.0].baseline_text is None


def test_a_comparison_before_a_change_holds_in_its_sentence_part() -> None:
    rs = _parsed("Our model outperforms Qorx on every task, while cutting activation memory by 60%.")
    assert rs[60.0].baseline_text == "Qorx"
    rs = _parsed("Our model outperforms Qorx on every task; separately, it cuts activation memory by 60%.")
    assert rs[60.0].baseline_text is None


def test_a_described_comparator_is_its_named_instance(onto: object) -> None:
    rs = _results(onto, "VelvetOpt: Lean Optimizer States",
                  "We propose VelvetOpt, a lean optimizer. "
                  "VelvetOpt needs up to 70% less memory compared to factorised optimizers, e.g., Trobafactor and SM3.")
    assert rs[70.0].baseline == "method/trobafactor"


def test_the_owner_of_a_reduced_quantity_is_the_baseline(onto: object) -> None:
    rs = _results(onto, "VelvetOpt: Lean Optimizer States",
                  "We propose VelvetOpt, which reduces the memory of common optimizers, such as Trobafactor, by 80%.")
    assert rs[80.0].baseline == "method/trobafactor"
    assert rs[80.0].subject == "method/velvetopt"


def test_a_result_is_never_compared_with_its_own_subject(onto: object) -> None:
    rs = _results(onto, "VelvetOpt: Lean Optimizer States",
                  "We propose VelvetOpt. Compared to baselines, VelvetOpt reaches 31% lower memory.")
    assert rs[31.0].baseline is None


def test_a_precision_in_the_comparison_is_not_a_setting() -> None:
    rs = _parsed("Our tuner reaches 83.1% accuracy and outperforms 16-bit Zebra-LoRA at 80.2%.")
    assert "bit_width" not in rs[83.1].conditions  # type: ignore[attr-defined]


# -- entities -----------------------------------------------------------------------------------


def test_a_list_of_entities_before_a_list_of_numbers_pairs_by_position(onto: object) -> None:
    rs = _results(onto, "SlimCache: Smaller Caches",
                  "We propose SlimCache. With Llama-2-7B and Mistral-7B, SlimCache needs 30% and 45% less memory.")
    assert (rs[30.0].model, rs[45.0].model) == ("model/llama-2-7b", "model/mistral-7b")


def test_a_written_list_pairs_by_position_and_leaves_unlinked_members_empty(onto: object) -> None:
    rs = _results(onto, "SlimCache: Smaller Caches",
                  "We propose SlimCache. SlimCache scores 81.2% and 64.3% on ImageNet and Blorptask, respectively.")
    assert rs[81.2].dataset == "dataset/imagenet"
    assert rs[64.3].dataset is None  # never another member's data set
    assert rs[64.3].partial and not rs[81.2].partial  # a stated context left unresolved is marked


def test_a_number_with_its_own_context_takes_no_other_entity(onto: object) -> None:
    rs = _results(onto, "SlimCache: Smaller Caches",
                  "We propose SlimCache. SlimCache scores 71.5% on Blorpbench, 80.4% on ImageNet, and 60.1% on Zentask.")
    assert rs[80.4].dataset == "dataset/imagenet"
    assert rs[71.5].dataset is None and rs[60.1].dataset is None
    assert rs[71.5].partial and rs[60.1].partial


def test_a_parenthesis_takes_the_entity_it_follows(onto: object) -> None:
    rs = _results(onto, "SlimCache: Smaller Caches",
                  "We propose SlimCache. It trains on GPT-2 quickly and solves the ImageNet task (top-1, 82.5% accuracy).")
    assert rs[82.5].dataset == "dataset/imagenet"


def test_quality_does_not_depend_on_the_device(onto: object) -> None:
    rs = _results(onto, "SlimNet: Small Backbones",
                  "We propose SlimNet. SlimNet reaches 78.9% top-1 accuracy with 1.9 ms latency on an iPhone 12.")
    assert rs[1.9].hardware is not None
    assert rs[78.9].hardware is None


def test_the_context_of_one_claim_does_not_reach_a_claim_about_another_measure(onto: object) -> None:
    rs = _results(onto, "SlimTune: Cheap Tuning",
                  "We propose SlimTune. SlimTune gains 6.2% on ImageNet, and reduces training time by 41%.")
    assert rs[6.2].dataset == "dataset/imagenet"
    assert rs[41.0].dataset is None


# -- settings -------------------------------------------------------------------------------------


def test_a_setting_in_a_parenthesis_belongs_to_the_number_it_follows() -> None:
    rs = _parsed("The kernel gives 3.1x speedup on short text (sequence length 1K) and 2.2x on books (sequence length 8K).")
    assert rs[3.1].conditions == {"context_length": "1K"}  # type: ignore[attr-defined]
    assert rs[2.2].conditions == {"context_length": "8K"}  # type: ignore[attr-defined]


def test_a_setting_in_a_relative_clause_is_not_the_results() -> None:
    rs = _parsed("It removes up to 70% of the experts, which lets the model run on a single 24GB GPU.")
    assert rs[70.0].conditions == {}  # type: ignore[attr-defined]


def test_a_range_of_scaled_counts_is_one_setting() -> None:
    (q,) = find_quantities("(sequence length 2K-16K)")
    assert (q.value, q.value_max, q.text) == (2000.0, 16000.0, "2K-16K")
    rs = _parsed("It is 1.7x faster at sequence length 2K-16K.")
    assert rs[1.7].conditions == {"context_length": "2K-16K"}  # type: ignore[attr-defined]


# -- measures and kinds ---------------------------------------------------------------------------


def test_a_generic_cost_yields_to_the_measure_it_heads() -> None:
    rs = _parsed("The scheme keeps accuracy with only 9% extra memory cost.")
    assert rs[9.0].metric == "metric/memory"  # type: ignore[attr-defined]


def test_more_work_per_dollar_is_less_cost() -> None:
    rs = _parsed("The server delivers 6.5x more tokens per dollar than a GPU cluster.")
    assert (rs[6.5].metric, rs[6.5].direction) == ("metric/cost", "decrease")  # type: ignore[attr-defined]


def test_what_is_left_after_a_reduction_is_a_share_without_direction() -> None:
    rs = _parsed("Our method reduces the KV cache to 12% while keeping quality.")
    assert (rs[12.0].kind, rs[12.0].direction) == ("relative", None)  # type: ignore[attr-defined]


def test_a_share_of_peak_is_utilisation() -> None:
    rs = _parsed("The new kernel reaches 61% of the theoretical peak FLOPs/s on one board.")
    assert (rs[61.0].metric, rs[61.0].kind) == ("metric/throughput", "absolute")  # type: ignore[attr-defined]


def test_a_value_kept_without_a_reference_is_reached() -> None:
    rs = _parsed("The pruned model maintains 91.5% accuracy on the test split.")
    assert rs[91.5].kind == "absolute"  # type: ignore[attr-defined]
    rs = _parsed("The pruned model maintains 96% performance of the dense model.")
    assert rs[96.0].kind == "relative"  # type: ignore[attr-defined]


def test_versions_and_size_relations_are_not_results() -> None:
    assert parse_sentence("It follows the MLPerf 2.1 rules for every run.") == ()
    assert parse_sentence("It can serve models twice the size of the GPU memory.") == ()
    assert parse_sentence("It is fine-tuned on only 5k curated data from a larger pool.") == ()
    # a version followed by a plain word is still a version (not a unit)
    assert [r.value for r in parse_sentence("It beats the QuaxBench 3.2 training record by 11% on one pod.")] == [11.0]


def test_an_abbreviation_does_not_end_the_claim() -> None:
    rs = _parsed("We see a 12% speedup on Foo (seq. length 256) compared to Qorx, 3x on short prompts.")
    assert rs[12.0].baseline_text == "Qorx"
    assert rs[3.0].baseline_text is None


def test_parallel_nouns_of_change_share_measure_and_qualifier() -> None:
    rs = _parsed("The runtime gives roughly 15% reduction in latency for small models and 25% reduction for large ones.")
    assert (rs[25.0].metric, rs[25.0].qualifier) == ("metric/latency", "about")  # type: ignore[attr-defined]


def test_numbers_under_one_qualifier_share_it() -> None:
    rs = _parsed("It brings up to 4.2x speedup and 3.3x lower energy than the CPU baseline.")
    assert rs[3.3].qualifier == "up_to"  # type: ignore[attr-defined]
    rs = _parsed("It cuts latency by up to 4.2x and cuts energy by 3.3x.")
    assert rs[3.3].qualifier is None  # type: ignore[attr-defined]


def test_one_number_over_two_measures_gives_two_results() -> None:
    rs = parse_sentence("We obtain a 2.5x reduction in model size and memory traffic.")
    assert sorted(r.metric or "" for r in rs) == ["metric/memory", "metric/model-size"]


def test_a_modifier_compound_is_not_the_measure() -> None:
    rs = _parsed("Sparse models gain over 9 points in low-cost settings.")
    assert rs[9.0].metric != "metric/cost"  # type: ignore[attr-defined]


def test_a_parenthesis_speaks_of_the_measure_it_follows() -> None:
    rs = _parsed("It reaches a perplexity of 6.1 (1.2 lower than the baseline).")
    assert rs[1.2].metric == "metric/perplexity"  # type: ignore[attr-defined]


def test_a_change_from_one_setting_to_another() -> None:
    rs = _parsed("Accuracy rose from 80.1% with plain tuning to 83.4% with our schedule.")
    assert list(rs) == [83.4]
    assert (rs[83.4].kind, rs[83.4].direction) == ("absolute", "increase")  # type: ignore[attr-defined]


def test_more_measures_and_settings() -> None:
    rs = _parsed("The cache gives a 6.1x enhancement in memory efficiency at 16K tokens.")
    assert (rs[6.1].metric, rs[6.1].direction) == ("metric/memory", "decrease")  # type: ignore[attr-defined]
    rs = _parsed("The network needs an order of magnitude fewer parameters.")
    assert (rs[10.0].qualifier, rs[10.0].metric) == ("about", "metric/parameters")  # type: ignore[attr-defined]
    rs = _parsed("It finds a 77.1% accurate model under the same latency constraints (<60ms).")
    assert 60.0 not in rs
    rs = _parsed("The generated programs take 2.4 times that of the reference solutions to run.")
    assert rs[2.4].direction == "increase"  # type: ignore[attr-defined]


def test_a_number_naming_an_unknown_measure_takes_no_neighbours_measure() -> None:
    rs = _parsed("The engine gives a 3.1x speedup and a 2.2x register-pressure drop over the old kernel.")
    assert rs[3.1].metric == "metric/speed"  # type: ignore[attr-defined]
    assert rs[2.2].metric is None and rs[2.2].partial  # type: ignore[attr-defined]
    rs = _parsed("The chip reaches 50 tokens/s, which is 1.6x that of the CPU build.")
    assert rs[1.6].metric == "metric/throughput"  # type: ignore[attr-defined]


def test_a_singular_parameter_compound_names_parameters() -> None:
    rs = _parsed("The slim variant shows a 2.6x parameter reduction at equal quality.")
    assert (rs[2.6].metric, rs[2.6].direction) == ("metric/parameters", "decrease")  # type: ignore[attr-defined]


def test_faster_after_a_factor_is_a_speedup_unless_a_measure_follows_in() -> None:
    rs = _parsed("The decoder is 9x faster than the reference and 4x faster in training.")
    assert (rs[9.0].metric, rs[9.0].direction) == ("metric/speed", "increase")  # type: ignore[attr-defined]
    assert rs[4.0].metric == "metric/speed"  # type: ignore[attr-defined]  # "training" names no measure


def test_a_comparative_factor_takes_the_measure_named_after_in() -> None:
    rs = _parsed("The decoder is 9x faster in wall-clock latency than the reference.")
    assert (rs[9.0].metric, rs[9.0].direction) == ("metric/latency", "decrease")  # type: ignore[attr-defined]
    rs = _parsed("Our pruned planner is 2.5 times lower in activation memory and 12% higher in decoding throughput.")
    assert (rs[2.5].metric, rs[2.5].direction) == ("metric/memory", "decrease")  # type: ignore[attr-defined]
    assert (rs[12.0].metric, rs[12.0].direction) == ("metric/throughput", "increase")  # type: ignore[attr-defined]


def test_an_improvement_of_a_lower_is_better_measure_is_a_decrease() -> None:
    rs = _parsed("The model brings an improvement of 0.4% in word error rate on the test split.")
    assert (rs[0.4].metric, rs[0.4].direction) == ("metric/error-rate", "decrease")  # type: ignore[attr-defined]
    rs = _parsed("The planner achieves a 1.7x latency improvement over greedy placement.")
    assert rs[1.7].direction == "decrease"  # type: ignore[attr-defined]


def test_double_and_triple_as_adjectives_are_not_factors() -> None:
    assert [q.value for q in find_quantities("It keeps double buffering and triple nested loops.")] == []
    assert [q.value for q in find_quantities("The cache can double the hit rate.")] == [2.0]


def test_a_parameter_count_after_a_scale_bound_is_a_size() -> None:
    assert parse_sentence("The adapter helps only beyond 13B parameters.") == ()
    rs = _parsed("It plays well using only a 5 million-parameter policy network.")
    assert rs[5e6].metric == "metric/parameters"  # type: ignore[attr-defined]


def test_a_difference_of_scores_is_in_points() -> None:
    rs = _parsed("Our net is 0.8 top-1 accuracy better than Foo-S and beats Bar by 2.9 mIoU on the street set.")
    assert (rs[0.8].unit, rs[0.8].kind, rs[0.8].direction) == ("points", "relative", "increase")  # type: ignore[attr-defined]
    assert rs[2.9].unit == "points"  # type: ignore[attr-defined]


def test_a_percent_followed_by_its_comparison_is_a_change() -> None:
    rs = _parsed("It trims serving costs by 41% relative to Plain and 28% relative to Fancy.")
    assert (rs[28.0].kind, rs[28.0].direction) == ("relative", "decrease")  # type: ignore[attr-defined]


def test_a_share_of_a_named_references_measure_has_no_direction() -> None:
    rs = _parsed("It needs just 9.5% inference time of Zeta-7B on the same prompts.")
    assert (rs[9.5].kind, rs[9.5].direction) == ("relative", None)  # type: ignore[attr-defined]
    rs = _parsed("It has 20% lower memory usage of the KV cache than Zeta.")
    assert rs[20.0].direction == "decrease"  # type: ignore[attr-defined]


def test_hours_of_data_are_not_a_time_result() -> None:
    assert parse_sentence("The tracker handles over three hours of continuous footage on one GPU.") == ()


def test_the_own_method_spelled_with_a_hyphen_is_not_a_model(onto: object) -> None:
    rs = _results(onto, "ResNetV3: Faster Residual Networks",
                  "We propose ResNetV3, a faster residual network. Our ResNet-V3 reaches 80.1% top-1 accuracy on ImageNet.")
    assert (rs[80.1].subject, rs[80.1].model) == ("method/resnetv3", None)


def test_a_drop_of_a_success_rate_is_an_accuracy_loss() -> None:
    rs = _parsed("It halves the compute with only a 0.7% success rate drop on the robot suite.")
    assert (rs[0.7].metric, rs[0.7].kind) == ("metric/accuracy-loss", "absolute")  # type: ignore[attr-defined]


def test_batch_size_gains_and_same_budget_settings_are_not_results() -> None:
    assert 6.0 not in _parsed("Profiling leads to a 6x increase in average batch size over the old recipe.")
    rs = _parsed("Given the same cache footprint of 2.5GB, it beats Foo by a gain of 3.1% accuracy.")
    assert 2.5 not in rs and rs[3.1].kind == "relative"  # type: ignore[attr-defined]


def test_a_resolution_is_not_a_factor() -> None:
    assert [q.role for q in find_quantities("It reaches 3.1 FID on 512×512 images")][1:] == ["format", "format"]


def test_a_percent_introduced_by_at_or_of_is_a_value_reached() -> None:
    rs = _parsed("Our large net outperforms Foo at 86.1% accuracy and gives a speedup of 12%.")
    assert (rs[86.1].kind, rs[86.1].direction) == ("absolute", None)  # type: ignore[attr-defined]
    assert (rs[12.0].kind, rs[12.0].direction) == ("relative", "increase")  # type: ignore[attr-defined]


def test_coordinated_shares_share_their_kind() -> None:
    rs = _parsed("The tiny net needs only 11.2% of the parameters and 12.5% FLOPs.")
    assert (rs[12.5].kind, rs[12.5].direction) == ("relative", None)  # type: ignore[attr-defined]


def test_respectively_with_a_partly_linked_list_leaves_the_entity_empty(onto: object) -> None:
    rs = _results(onto, "Quux: Tiny Tuning",
                  "We propose Quux. Quux beats full fine-tuning by 2.1% and 4.2% on Blorpset and ImageNet, respectively.")
    assert rs[2.1].dataset is None and rs[2.1].partial


def test_nouns_of_change_before_of_keep_a_percent_relative() -> None:
    rs = _parsed("There were energy efficiency enhancements of 11.0%, 14.5%, and 12.5%.")
    assert all(rs[v].kind == "relative" for v in (11.0, 14.5, 12.5))  # type: ignore[attr-defined]
    rs = _parsed("It matches the teacher's quality while saving up to 97% of the moment buffers.")
    assert rs[97.0].metric != "metric/score"  # type: ignore[attr-defined]


def test_a_spread_after_plus_minus_is_not_a_result() -> None:
    rs = _parsed("The trick yields 9.5 ± 0.8 points of improvement over plain prompting.")
    assert list(rs) == [9.5] and rs[9.5].unit == "points"  # type: ignore[attr-defined]


def test_a_class_of_comparators_is_no_baseline(onto: object) -> None:
    rs = _results(onto, "Zappo: Fast Potentials", "We propose Zappo. Zappo runs 7x faster than existing MLIPs on big cells.")
    assert rs[7.0].baseline is None


def test_a_signed_percent_is_a_change() -> None:
    rs = _parsed("The largest gains are on the harder split (+8.1%) and the noisy split (−2.5% error).")
    assert (rs[8.1].kind, rs[8.1].direction) == ("relative", "increase")  # type: ignore[attr-defined]


def test_a_range_written_from_to_is_not_a_change() -> None:
    rs = _parsed("We see speedups ranging from 3x to 11x on the kernels.")
    assert (rs[3.0].value_max, rs[3.0].kind) == (11.0, "relative")  # type: ignore[attr-defined]


def test_a_share_of_a_named_models_quality_has_no_direction() -> None:
    rs = _parsed("The hybrid gives 97% of Transformer quality at half the cost.")
    assert (rs[97.0].kind, rs[97.0].direction) == ("relative", None)  # type: ignore[attr-defined]


def test_the_number_after_vs_is_not_the_subjects(onto: object) -> None:
    rs = _results(onto, "Quux: Tiny Tuning", "We propose Quux. Quux trains in 20.5s vs. 98.2s per epoch for the plain net.")
    assert rs[20.5].subject == "method/quux" and rs[98.2].subject is None


def test_a_share_does_not_take_a_distant_comparison() -> None:
    rs = _parsed("It keeps 95% of Transformer quality on the hard tasks, with 9.1x higher throughput than Qorx.")
    assert rs[95.0].baseline_text is None and rs[9.1].baseline_text == "Qorx"  # type: ignore[attr-defined]


def test_the_memory_size_of_a_device_is_not_a_result() -> None:
    assert parse_sentence("It serves a 70B model on a single 48GB GPU.") == ()
    assert 1.5 in _parsed("It saves 1.5 GB of GPU memory per request.")
    assert 9.0 in _parsed("During training it cuts memory by 9GB per GPU.")


def test_an_apposition_restates_the_measure_before_it() -> None:
    rs = _parsed("Running on one node, it reaches 900 tokens/s, 2.2x more than the old server.")
    assert (rs[2.2].metric, rs[2.2].direction) == ("metric/throughput", "increase")  # type: ignore[attr-defined]


def test_an_n_m_pattern_is_no_number() -> None:
    assert list(_parsed("It gets a 1.6x speedup with 2:4 sparsity.")) == [1.6]


def test_a_budget_kept_is_a_compression_setting() -> None:
    rs = _parsed("Keeping just 15% of the KV cache, it still scores 97% accuracy.")
    assert list(rs) == [97.0] and rs[97.0].conditions == {"compression_ratio": "15%"}  # type: ignore[attr-defined]


def test_a_precision_quantized_to_is_a_setting() -> None:
    rs = _parsed("It lowers latency by 35% when quantized to INT4.")
    assert rs[35.0].conditions == {"bit_width": "4"}  # type: ignore[attr-defined]


def test_the_total_after_out_of_is_no_result() -> None:
    assert list(_parsed("It runs 1.8x faster with 8 experts active out of 64.")) == [1.8]


def test_a_study_without_a_proposal_has_no_subject(onto: object) -> None:
    rs = _results(onto, "How Batching Shapes Serving: An Empirical Study",
                  "We investigate how request batching affects LLM serving. Tuning the batch scheduler raises throughput by 12.5%.")
    assert rs[12.5].subject is None


def test_a_change_to_a_value_is_the_value_reached() -> None:
    rs = _parsed("The allocator lowers peak memory to 11GB and raises accuracy to 77.5%.")
    assert (rs[11.0].kind, rs[11.0].direction) == ("absolute", None)  # type: ignore[attr-defined]
    assert (rs[77.5].kind, rs[77.5].direction) == ("absolute", None)  # type: ignore[attr-defined]
    rs = _parsed("It trims the KV cache to 12% while keeping quality.")
    assert (rs[12.0].kind, rs[12.0].direction) == ("relative", None)  # type: ignore[attr-defined]


def test_a_bare_number_before_a_noun_of_change_is_a_change_in_points() -> None:
    rs = _parsed("Fine-tuning yields a 2.7 BLEU improvement on the news set.")
    assert (rs[2.7].unit, rs[2.7].kind, rs[2.7].direction) == ("points", "relative", "increase")  # type: ignore[attr-defined]


def test_a_compression_ratio_achieved_is_a_result() -> None:
    rs = _parsed("The codec achieves a compression ratio of 14x on the weights.")
    assert rs[14.0].metric == "metric/compression-ratio"  # type: ignore[attr-defined]


def test_a_share_of_weights_pruned_is_a_compression_ratio() -> None:
    rs = _parsed("The method prunes 60% of the weights with little loss.")
    assert (rs[60.0].metric, rs[60.0].kind) == ("metric/compression-ratio", "absolute")  # type: ignore[attr-defined]


def test_a_comparative_apposition_takes_the_measure_before_it() -> None:
    rs = _parsed("It reaches 41 ms latency, 1.8x lower than the old stack.")
    assert (rs[1.8].metric, rs[1.8].direction) == ("metric/latency", "decrease")  # type: ignore[attr-defined]


def test_outperforming_on_a_lower_is_better_measure_is_a_decrease() -> None:
    rs = _parsed("It beats a Transformer on the book corpus by 0.3 PPL with fewer parameters.")
    assert rs[0.3].direction == "decrease"  # type: ignore[attr-defined]


def test_points_on_a_long_context_task_are_no_context_length() -> None:
    rs = _parsed("On a task with sequence length 32K, it sets the state of the art by 12.5 points.")
    assert rs[12.5].metric != "metric/context-length"  # type: ignore[attr-defined]


def test_durations_of_data_and_sampling_are_not_results() -> None:
    assert parse_sentence("Sampled at 10 minutes intervals, the data trains the model.") == ()
    assert parse_sentence("Pre-trained on over 9,000 hours of unlabeled recordings, it generalises.") == ()
    assert 4.0 in _parsed("It cuts 4 hours of training time per run.")


def test_a_number_glued_to_a_letter_is_a_name() -> None:
    assert [q.role for q in find_quantities("A 3D memory for 2D scenes")] == ["name", "name"]


def test_a_fraction_as_many_is_a_share() -> None:
    rs = _parsed("It matches the baseline with 1/2 as many parameters.")
    assert (rs[50.0].unit, rs[50.0].metric) == ("percent", "metric/parameters")  # type: ignore[attr-defined]


def test_a_qualifying_parenthesis_restates_the_claim() -> None:
    rs = _parsed("It gives up to 55% lower serving latency (27% on average) than the old stack.")
    assert (rs[27.0].metric, rs[27.0].kind, rs[27.0].direction) == ("metric/latency", "relative", "decrease")  # type: ignore[attr-defined]


def test_more_metric_words_and_units() -> None:
    rs = _parsed("The model handles contexts of up to 2M tokens.")
    assert (rs[2e6].metric, rs[2e6].unit) == ("metric/context-length", "none")  # type: ignore[attr-defined]
    rs = _parsed("The adapter needs just 1.3M trainable parameters.")
    assert (rs[1.3e6].unit, rs[1.3e6].metric) == ("params", "metric/parameters")  # type: ignore[attr-defined]
    rs = _parsed("The recipe trains the network on the big set in 25 minutes.")
    assert rs[1500.0].metric == "metric/training-time"  # type: ignore[attr-defined]
    rs = _parsed("The detector reaches 47.1 AP on the street set.")
    assert rs[47.1].metric == "metric/score"  # type: ignore[attr-defined]
    rs = _parsed("The server delivers 4 times the throughput of the old one.")
    assert (rs[4.0].kind, rs[4.0].direction) == ("relative", "increase")  # type: ignore[attr-defined]


def test_a_trailing_device_belongs_to_the_coordinated_numbers_before_it(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. Zork achieves 2.1x speedup and 1.5x higher throughput than "
                  "Blip on an A100 GPU, while using 30% less memory.")
    assert rs[2.1].hardware == rs[1.5].hardware == "hardware/nvidia-a100"


def test_a_trailing_setting_belongs_to_the_claim_it_follows() -> None:
    rs = _parsed("It trims the KV cache by 70% and reaches 5x decoding throughput for a 512K context.")
    assert rs[70.0].conditions == {} and rs[5.0].conditions == {"context_length": "512K"}  # type: ignore[attr-defined]
    rs = _parsed("It gets a 2.5x speedup and cuts the KV cache by 55% at 64K context length.")
    assert rs[2.5].conditions == rs[55.0].conditions == {"context_length": "64K"}  # type: ignore[attr-defined]
    rs = _parsed("It shrinks the model to under 90GB (12x compression), within two days on a single GPU.")
    assert rs[90.0].conditions == {} and rs[48.0].conditions == {"devices": "1"}  # type: ignore[attr-defined]


def test_a_hyphenated_measure_with_a_measure_noun_is_the_measure() -> None:
    rs = _parsed("It lowers peak host-memory consumption by 41% against plain offloading.")
    assert rs[41.0].metric == "metric/memory"  # type: ignore[attr-defined]


def test_the_first_named_comparator_is_kept_even_when_unlinked(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. Zork reaches a 2.6x speedup, outperforming methods like "
                  "2-draft lookahead, Medusa and EAGLE.")
    assert rs[2.6].baseline is None
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. Zork takes 70% less memory than the recent strong method, QuoTTA.")
    assert rs[70.0].baseline == "method/quotta"


def test_a_training_loss_change_is_no_result_and_does_not_lead_a_list() -> None:
    rs = _parsed("Tuning gave a reduction in training loss by 41.5%, 88% accuracy on the support tickets, and 20 samples per second.")
    assert 41.5 not in rs and (rs[88.0].kind, rs[88.0].direction) == ("absolute", None)  # type: ignore[attr-defined]


def test_a_list_of_budgets_is_a_setting() -> None:
    assert parse_sentence("Our method wins across tasks with both 40% and 25% KV cache budgets.") == ()


def test_a_qualifier_spans_parallel_contexts() -> None:
    rs = _parsed("It brings over 9x inference speedup on GPT and 14x on OPT against the fastest library.")
    assert rs[14.0].qualifier == "more_than"  # type: ignore[attr-defined]


def test_computation_cycles_are_latency_and_a_bare_rate_factor_is_x() -> None:
    rs = _parsed("The lookup trick cuts computation cycles by 12.5%.")
    assert rs[12.5].metric == "metric/latency"  # type: ignore[attr-defined]
    rs = _parsed("With a small budget it increases decoding throughput by 3.9 on one card.")
    assert rs[3.9].unit == "x"  # type: ignore[attr-defined]


def test_an_unlinked_coined_name_keeps_the_class_out_of_the_subject(onto: object) -> None:
    rs = _results(onto, "Low-Memory Adam Variants",
                  "We propose a low-memory optimizer. In tests ThinAdam matches Adam while saving up to 95% of optimizer memory.")
    assert all(r.subject is None or r.subject.startswith("method/") for r in rs.values())


def test_readme_conventions_for_rates_area_time_and_approximation() -> None:
    rs = _parsed("The index serves 2 million keys per second.")
    assert rs[2e6].metric == "metric/throughput"  # type: ignore[attr-defined]
    rs = _parsed("It cuts chip area by 14% and power by 11%.")
    assert (rs[14.0].metric, rs[14.0].direction) == ("metric/cost", "decrease")  # type: ignore[attr-defined]
    rs = _parsed("It is $\\sim$6x faster than the dense kernel.")
    assert (rs[6.0].unit, rs[6.0].qualifier) == ("x", "about")  # type: ignore[attr-defined]
    rs = _parsed("The codec needs a compression time of 30 hours.")
    assert rs[30.0].metric == "metric/training-time"  # type: ignore[attr-defined]


def test_observations_are_no_results_and_speedups_from_to_are_ranges() -> None:
    assert parse_sentence("We find that 85% of the routing weight goes to 10% of the experts.") == ()
    rs = _parsed("It achieves speedups from 1.5x to 3x on the kernels.")
    assert (rs[1.5].value_max, rs[1.5].kind) == (3.0, "relative")  # type: ignore[attr-defined]


def test_a_references_values_in_a_parenthesis_have_no_subject(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. The 2-bit Zork model reaches 68.5% accuracy "
                  "(FP16 model: 71.4%) with 18.2 GB of memory (vs. 120 GB).")
    assert rs[68.5].subject == rs[18.2].subject == "method/zork"
    assert rs[71.4].subject is None and rs[120.0].subject is None


def test_the_model_whose_accuracy_is_raised_is_measured_not_compared(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. Zork increases the accuracy of MobileNet-v2 from 71.2% to 78.4%.")
    assert rs[78.4].model == "model/mobilenet-v2"


def test_coordinated_measures_pair_with_coordinated_numbers() -> None:
    rs = parse_sentence("It reduces latency and memory by 25% and 45%, respectively.")
    assert [(r.value, r.metric) for r in rs] == [(25.0, "metric/latency"), (45.0, "metric/memory")]
    rs = parse_sentence("It gives 1.9x and 2.8x improvements in throughput and energy efficiency, respectively.")
    assert [(r.metric, r.direction) for r in rs] == [("metric/throughput", "increase"), ("metric/energy", "decrease")]
    rs = parse_sentence("It lowers memory and latency by 3x.")
    assert [r.metric for r in rs] == ["metric/memory", "metric/latency"]


def test_slower_worse_as_much_as_and_at_least_signs() -> None:
    rs = _parsed("It is at most 4% slower and less than 1.5% worse in accuracy.")
    assert (rs[4.0].metric, rs[4.0].direction) == ("metric/speed", "decrease")  # type: ignore[attr-defined]
    assert (rs[1.5].metric, rs[1.5].direction) == ("metric/accuracy", "decrease")  # type: ignore[attr-defined]
    assert _parsed("It cuts latency by as much as 55%.")[55.0].qualifier == "up_to"  # type: ignore[attr-defined]
    assert _parsed("It scores ≥ 70% on the test.")[70.0].qualifier == "at_least"  # type: ignore[attr-defined]


def test_result_sentences_opening_with_as_a_result_and_lower_bounds_with_plus(onto: object) -> None:
    rs = _results(onto, "ZORK: Fast Things", "We propose Zork. As a result, Zork-1B is competitive with big models "
                  "(e.g. Flux-12B), being 15 times smaller and 80+ times faster.")
    assert rs[80.0].qualifier == "more_than" and rs[15.0].model is None


def test_a_possessive_does_not_end_the_measure_phrase() -> None:
    rs = _parsed("It keeps 93.5% of the full model's accuracy.")
    assert (rs[93.5].metric, rs[93.5].kind, rs[93.5].direction) == ("metric/accuracy", "relative", None)  # type: ignore[attr-defined]


def test_a_device_class_after_a_determiner_or_adjective_is_the_platform(onto: object) -> None:
    for phrase, hw in (("on a smartphone", "hwclass/phone"), ("on consumer-grade GPUs", "hwclass/gpu"),
                       ("on commodity CPUs", "hwclass/cpu"), ("on a laptop", "hwclass/laptop"),
                       ("on the actual micro-drone hardware", "hwclass/edge-device"),
                       ("on battery-powered devices", "hwclass/edge-device")):
        rs = _results(onto, "Zork: Fast Things", f"We propose Zork. Zork runs 3x faster {phrase}.")
        assert rs[3.0].hardware == hw, phrase


def test_the_subject_after_a_fronted_comparison_is_no_comparator(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things", "We propose Zork. Compared to the small model MobileViT-XXS, "
                  "DeiT-Small with Zork achieves 1.5% higher accuracy on ImageNet.")
    assert rs[1.5].model == "model/deit-small"


def test_the_own_method_read_as_a_sized_model_is_no_model(onto: object) -> None:
    rs = _results(onto, "ZoRO: Memory Tricks for Huge Models", "We implement and evaluate ZoRO: it trains large models "
                  "of over 100B parameter with speedup on 400 GPUs, achieving throughput of 15 Petaflops.")
    assert rs[1.5e16].model is None


def test_work_per_watt_is_an_energy_measure_read_the_other_way() -> None:
    rs = _parsed("Across two years, IPW improved 4.1x on the local fleet.")
    assert (rs[4.1].metric, rs[4.1].direction) == ("metric/energy", "decrease")  # type: ignore[attr-defined]
    rs = _parsed("Edge boards show 1.7x lower intelligence per watt than server cards.")
    assert (rs[1.7].metric, rs[1.7].direction) == ("metric/energy", "increase")  # type: ignore[attr-defined]
    rs = _parsed("The chip reaches 2.6x higher performance per watt than the GPU.")
    assert (rs[2.6].metric, rs[2.6].direction) == ("metric/energy", "decrease")  # type: ignore[attr-defined]


def test_the_memory_of_a_device_is_not_a_result() -> None:
    assert parse_sentence("Pre-training a 3B model works on gaming GPUs with 16GB memory (e.g., a desktop card).") == ()
    assert parse_sentence("It runs on a Jetson 4090 with 12 GB of memory.") == ()
    assert [r.value for r in parse_sentence("It trains the 3B model with 14GB memory.")] == [14.0]


def test_a_model_named_again_takes_the_size_it_was_defined_with(onto: object) -> None:
    rs = _results(onto, "Shrinky: Expert Trimming for MoE Models",
                  "We propose Shrinky. It yields Phi-nano-MoE (5.1B total/1.3B activated parameters). "
                  "Phi-nano-MoE matches or beats the quality of Phi-3-mini using only 3/5 of the activated parameters.")
    assert rs[60.0].model == "model/phi-nano-moe-5.1b"


def test_a_model_compared_with_similar_or_better_is_the_reference(onto: object) -> None:
    rs = _results(onto, "Shrinky: Expert Trimming for MoE Models",
                  "We propose Shrinky. Our Qwen2-1.5B student achieves similar or better performance to Phi-3-mini "
                  "using only 3/5 of the parameters.")
    assert rs[60.0].model == "model/qwen-2-1.5b"


def test_a_later_number_with_its_own_measure_keeps_its_data_set(onto: object) -> None:
    rs = _results(onto, "Quicknas: Cheap Architecture Search",
                  "We propose Quicknas. We reach a test error of 2.61% on CIFAR-10 with only 0.2 GPU-days of search, "
                  "and a top-1 error rate of 24.9% on ImageNet using 4.1 GPU-days.")
    hours = {round(v, 1): r for v, r in rs.items()}
    assert hours[4.8].dataset == "dataset/cifar-10"  # 0.2 GPU-days, in hours
    assert rs[24.9].dataset == "dataset/imagenet"


def test_a_noun_of_compression_before_a_share_names_what_is_left() -> None:
    rs = _parsed("The format gives strong compression of the KV cache up to 38% of dense inference.")
    assert (rs[38.0].kind, rs[38.0].direction) == ("relative", None)  # type: ignore[attr-defined]
    rs = _parsed("The format reduces the KV cache up to 38% of dense inference.")
    assert (rs[38.0].kind, rs[38.0].direction) == ("relative", "decrease")  # type: ignore[attr-defined]


def test_a_list_paired_with_its_numbers_is_not_inherited_by_a_later_one(onto: object) -> None:
    rs = _results(onto, "Zork: Fast Things",
                  "We propose Zork. Zork runs 4.1x/2.2x faster on the GPU/CPU, and 6.3x faster after export to a graph runtime.")
    assert (rs[4.1].hardware, rs[2.2].hardware, rs[6.3].hardware) == ("hwclass/gpu", "hwclass/cpu", None)


def test_a_plural_possessive_does_not_end_the_measure_phrase() -> None:
    rs = _parsed("It prunes half the weights while keeping 91.2% Qwen models' performance.")
    assert (rs[91.2].metric, rs[91.2].kind, rs[91.2].direction) == ("metric/score", "relative", None)  # type: ignore[attr-defined]


def test_parameters_activated_per_token_are_a_result_a_model_description_is_not() -> None:
    rs = _parsed("With null experts, it activates 9.5B-14.2B (12B on average) per token.")
    assert (rs[9.5e9].metric, rs[9.5e9].value_max, rs[9.5e9].qualifier) == ("metric/parameters", 14.2e9, None)  # type: ignore[attr-defined]
    assert (rs[12e9].metric, rs[12e9].qualifier) == ("metric/parameters", "on_average")  # type: ignore[attr-defined]
    assert parse_sentence("We release a 30B MoE model that activates 3B parameters.") == ()


def test_a_qualifier_covers_a_list_of_numbers_each_with_its_own_change() -> None:
    rs = _parsed("Our engine gives up to 2.7x higher throughput and 4x lower latency than the reference server.")
    assert (rs[2.7].qualifier, rs[4.0].qualifier) == ("up_to", "up_to")  # type: ignore[attr-defined]
    rs = _parsed("The kernel brings up to 6.1x memory saving and 12.5x compute reduction.")
    assert (rs[6.1].qualifier, rs[12.5].qualifier) == ("up_to", "up_to")  # type: ignore[attr-defined]
    rs = _parsed("It is at least 3x faster at inference, 2x less memory hungry.")
    assert (rs[3.0].qualifier, rs[2.0].qualifier) == ("at_least", "at_least")  # type: ignore[attr-defined]
    # a second verb starts a claim of its own
    rs = _parsed("It cuts compute by up to 80%, delivering 20% lower energy use.")
    assert (rs[80.0].qualifier, rs[20.0].qualifier) == ("up_to", None)  # type: ignore[attr-defined]


def test_a_sized_or_laptop_gpu_is_the_gpu_class(onto: object) -> None:
    rs = _results(onto, "Quux: Small Generators",
                  "We propose Quux. Quux runs on a 12GB laptop GPU, taking less than 2 seconds per sample.")
    assert rs[2.0].hardware == "hwclass/gpu"


def test_plural_throughputs_the_verb_accelerate_and_auroc_name_their_metrics() -> None:
    rs = _parsed("At three scales we reached hardware throughputs of 41.2%, 40.5%, and 37.9%, respectively.")
    assert {rs[v].metric for v in (41.2, 40.5, 37.9)} == {"metric/throughput"}  # type: ignore[attr-defined]
    rs = _parsed("The scheme can accelerate the encoding stage by 3.1x.")
    assert (rs[3.1].metric, rs[3.1].direction) == ("metric/speed", "increase")  # type: ignore[attr-defined]
    rs = _parsed("The classifier reaches 0.913 AUROC on the held-out cohort.")
    assert rs[0.913].metric == "metric/score"  # type: ignore[attr-defined]


def test_a_context_set_in_a_when_clause_is_a_condition_not_a_result() -> None:
    rs = _parsed("Decoding gets 21% and 40% faster respectively when the input window is extended to 16384.")
    assert 16384.0 not in rs
    assert (rs[21.0].conditions.get("context_length"), rs[40.0].conditions.get("context_length")) == ("16384", "16384")  # type: ignore[attr-defined]


def test_one_change_in_two_units_shares_the_measure_across_or() -> None:
    rs = _parsed("The router answers with 35% or 120 ms lower time-to-first-token than the stock server.")
    assert (rs[35.0].metric, rs[35.0].direction, rs[35.0].kind) == ("metric/latency", "decrease", "relative")  # type: ignore[attr-defined]
    assert (rs[120.0].metric, rs[120.0].direction, rs[120.0].unit) == ("metric/latency", "decrease", "ms")  # type: ignore[attr-defined]
    assert rs[35.0].unit == "percent"  # type: ignore[attr-defined]  # each keeps its own unit


def test_each_value_takes_the_measure_named_just_before_it() -> None:
    rs = _parsed("On faces, the sampler reaches an FID of 3.42 and IS of 8.15, and a recall of 0.57.")
    assert {v: rs[v].metric for v in (3.42, 8.15, 0.57)} == {  # type: ignore[attr-defined]
        3.42: "metric/score", 8.15: "metric/score", 0.57: "metric/score"}
    rs = _parsed("The small model keeps a perplexity of 6.4 and accuracy of 58.2% on the probe set.")
    assert (rs[6.4].metric, rs[58.2].metric) == ("metric/perplexity", "metric/accuracy")  # type: ignore[attr-defined]
    assert all(r.metric != "metric/score" for r in parse_sentence("This IS 3 times the budget we set."))  # the verb


def test_settings_listed_respectively_pair_by_position_with_the_results() -> None:
    rs = _parsed("The codec keeps 61.5% and 54.2% accuracy at 4 and 3 bits, respectively.")
    assert (rs[61.5].conditions, rs[54.2].conditions) == ({"bit_width": "4"}, {"bit_width": "3"})  # type: ignore[attr-defined]
    rs = _parsed("It cuts perplexity by 4.4 and 19.1 points at 3 and 2 bits, respectively, and needs 75% less memory.")
    assert (rs[4.4].conditions, rs[19.1].conditions) == ({"bit_width": "3"}, {"bit_width": "2"})  # type: ignore[attr-defined]
    assert rs[75.0].conditions == {}  # type: ignore[attr-defined]  # the paired settings hold for their pairs only


def test_mean_the_verb_is_not_an_average() -> None:
    for text in ("Sharing the cache across layers, which means 3x fewer memory reads, is cheap.",
                 "Both changes together mean 3x fewer memory reads.",
                 "Merging the heads would mean a 3x cut in memory reads."):
        assert _parsed(text)[3.0].qualifier is None, text  # type: ignore[attr-defined]
    assert _parsed("The mean decoding latency drops by 27%.")[27.0].qualifier == "on_average"  # type: ignore[attr-defined]
    assert _parsed("It reaches a mean of 41.5 ms per request.")[41.5].qualifier == "on_average"  # type: ignore[attr-defined]


def test_one_number_before_two_measures_and_a_change_noun_states_both() -> None:
    rs = parse_sentence("The adder-only kernels bring over 70% memory and energy reductions over the dense model.")
    assert [(r.metric, r.kind, r.direction, r.qualifier) for r in rs] == [
        ("metric/memory", "relative", "decrease", "more_than"), ("metric/energy", "relative", "decrease", "more_than")]


def test_a_parenthesis_restating_a_bounded_result_in_another_measure_shares_the_bound() -> None:
    rs = _parsed("The scheduler gives up to 9.5x higher reuse (44% or 310 ms lower time-to-first-token) than LRU.")
    assert (rs[44.0].qualifier, rs[310.0].qualifier) == ("up_to", "up_to")  # type: ignore[attr-defined]
    rs = _parsed("The kernel is up to 3.3x faster (2.2x on the older card) than the reference.")
    assert rs[2.2].qualifier is None  # type: ignore[attr-defined]  # same measure: a case of its own
