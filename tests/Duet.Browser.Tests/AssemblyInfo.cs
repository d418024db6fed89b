// Each test drives two Chromium instances with live media; on a 2-core machine, running test classes in parallel
// only starves them (and makes the "within 1 s" checks measure CPU contention), so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
