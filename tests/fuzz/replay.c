/* Replays fuzz inputs through a target's LLVMFuzzerTestOneInput without
 * libFuzzer, so that every test run (any compiler) checks the corpus. The
 * library must never print: anything written to stderr while an input
 * runs (libical has a habit) fails the replay.
 * usage: replay FILE-OR-DIRECTORY... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run one input with the stderr stream pointed at memory; fail if anything
 * was written there. The stream is swapped, not descriptor 2, so that a
 * sanitizer's report (written to descriptor 2) is still seen. */
static int
run_quietly(const char *path, const unsigned char *data, size_t size)
{
	FILE *real = stderr, *capture;
	char *text = NULL;
	size_t length = 0;
	int printed = 0;

	fflush(stderr);
	capture = open_memstream(&text, &length);
	if (!capture) {
		perror("replay: capturing stderr");
		return 1;
	}
	stderr = capture;
	LLVMFuzzerTestOneInput(data, size);
	fclose(capture);
	stderr = real;
	if (length > 0) {
		fprintf(stderr, "%s: the library printed to stderr: %.200s\n",
		        path, text);
		printed = 1;
	}
	free(text);
	return printed;
}

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t size = 0, capacity = 0, got;

	if (!f) {
		perror(path);
		return 1;
	}
	do {
		if (size == capacity) {
			unsigned char *grown;

			capacity = capacity ? capacity * 2 : 4096;
			grown = realloc(data, capacity);
			if (!grown) {
				free(data);
				fclose(f);
				return 1;
			}
			data = grown;
		}
		got = fread(data + size, 1, capacity - size, f);
		size += got;
	} while (got);
	fclose(f);
	if (run_quietly(path, data, size)) {
		free(data);
		return 1;
	}
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	int failed = 0, files = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *dir;
		struct dirent *entry;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			failed |= replay_file(argv[i]);
			files++;
			continue;
		}
		dir = opendir(argv[i]);
		if (!dir) {
			perror(argv[i]);
			return 1;
		}
		while ((entry = readdir(dir))) {
			char path[4096];

			if (entry->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i],
			         entry->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				failed |= replay_file(path);
				files++;
			}
		}
		closedir(dir);
	}
	printf("replayed %d inputs\n", files);
	return failed || files == 0;
}
