import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

/**
 * How kubectl reads YAML: sigs.k8s.io/yaml on go-yaml v2, which resolves plain scalars the
 * YAML 1.1 way (`yes`/`no`/`on`/`off` are booleans, `0644` is octal 420, `<<` merges) but
 * leaves timestamps as strings and knows no sexagesimal numbers (`1:20` stays a string).
 * upstream: go-yaml v2 resolve.go; sigs.k8s.io/yaml YAMLToJSON.
 */
const DROPPED_TAGS = new Set([
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs',
  'tag:yaml.org,2002:set',
]);

function goYamlV2Tags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag === 'string') return true;
    if (DROPPED_TAGS.has(tag.tag)) return false;
    return tag.format !== 'TIME';
  });
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: goYamlV2Tags,
  merge: true,
  // Duplicates are reported by our own walk, worded like go-yaml, with both lines.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};
