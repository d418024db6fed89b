// Each test drives two Chromiums and real media; running them one at a time keeps timings honest on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
