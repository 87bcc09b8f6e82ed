// Every test loads plug-in bundles into this process through their native loaders; one at a time keeps them apart.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
